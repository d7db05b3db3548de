package io.bifrost.testkit.client;

import java.net.InetSocketAddress;

/** Client configuration text for tests: listeners on {@code 127.0.0.1:0}, fast retries toward the server. */
public final class ClientTestConfigs {
    private ClientTestConfigs() {}

    /**
     * A client configuration: the given sections ({@code server}, {@code servers}, {@code routes}, {@code debug})
     * under a frame that binds both proxy listeners and the management API to {@code 127.0.0.1:0}. Sections
     * in {@code sections} must not repeat {@code proxy} or {@code api}.
     */
    public static String client(String sections) {
        return """
                proxy:
                  http:
                    listen: "127.0.0.1:0"
                  socks5:
                    listen: "127.0.0.1:0"
                api:
                  listen: "127.0.0.1:0"
                """ + sections;
    }

    /**
     * A {@code server} section for {@code address} with test timings: 2 s per attempt, 2 retries 100 ms apart, and a
     * 1 s probe interval, so failures show within a second.
     *
     * @param protocol {@code http} or {@code socks5}
     */
    public static String server(InetSocketAddress address, String protocol) {
        return """
                server:
                  address: "%s:%d"
                  protocol: %s
                  timeout: "2s"
                  retry_count: 2
                  retry_delay: "100ms"
                  health_check:
                    interval: "1s"
                    timeout: "500ms"
                """.formatted(address.getHostString(), address.getPort(), protocol);
    }
}

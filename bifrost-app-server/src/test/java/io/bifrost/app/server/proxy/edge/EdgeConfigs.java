package io.bifrost.app.server.proxy.edge;

/**
 * Server configurations for the edge tests. Like {@code TestConfigs.server}, every listener binds
 * {@code 127.0.0.1:0}, but the frame also sets the listener timeouts and the loopback rule that these tests vary.
 */
final class EdgeConfigs {
    private EdgeConfigs() {}

    /** A frame with the default (30 s) timeouts and loopback destinations allowed, around {@code sections}. */
    static String server(String sections) {
        return server("30s", "60s", true, sections);
    }

    /** A frame with the given read timeouts, a 60 s idle timeout, around {@code sections}. */
    static String server(String readTimeout, boolean allowLoopback, String sections) {
        return server(readTimeout, "60s", allowLoopback, sections);
    }

    /**
     * @param readTimeout {@code server.http.read_timeout} and {@code server.socks5.read_timeout}, e.g. {@code "1s"}
     * @param idleTimeout {@code server.http.idle_timeout}, keep-alive idle time ([PRX-034])
     * @param allowLoopback {@code network.allow_loopback_destinations} ([SEC-060])
     * @param sections top-level sections other than {@code server}, {@code api}, {@code metrics}, {@code network}
     */
    static String server(String readTimeout, String idleTimeout, boolean allowLoopback, String sections) {
        return """
                server:
                  http:
                    listen: "127.0.0.1:0"
                    read_timeout: "%1$s"
                    idle_timeout: "%3$s"
                  socks5:
                    listen: "127.0.0.1:0"
                    read_timeout: "%1$s"
                  graceful_period: "1s"
                api:
                  listen: "127.0.0.1:0"
                metrics:
                  listen: "127.0.0.1:0"
                access_log:
                  enabled: false
                network:
                  allow_loopback_destinations: %2$s
                """.formatted(readTimeout, allowLoopback, idleTimeout) + sections;
    }

    /** One {@code direct} backend named {@code direct} and a catch-all route to it. */
    static String directEverywhere() {
        return """
                backends:
                  - name: direct
                    type: direct
                routes:
                  - name: everything
                    domains: ["*"]
                    backend: direct
                """;
    }
}

package io.bifrost.app.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.server.BifrostServer;
import io.bifrost.adapters.vertx.server.BifrostVertx;
import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.core.net.IpAddress;
import io.bifrost.testkit.server.TestConfigs;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link BifrostServer#start} checks before it binds: the open-proxy rule of [SEC-090] on the host's addresses
 * (injected here through {@link ServerOptions#withHostAddresses}) and the source addresses of {@code direct} backends
 * ([BKD-011]).
 */
class StartupIT {
    private static final List<IpAddress> PUBLIC_HOST = List.of(ip("127.0.0.1"), ip("203.0.113.7"));
    /** The frame of {@link TestConfigs}, with the HTTP listener on all interfaces. */
    private static final String OPEN_ON_ALL_INTERFACES = TestConfigs.directEverywhere()
            .replace("  http:\n    listen: \"127.0.0.1:0\"\n", "  http:\n    listen: \":0\"\n");

    private Vertx vertx;

    @BeforeEach
    void createVertx() {
        vertx = BifrostVertx.create();
    }

    @AfterEach
    void closeVertx() {
        vertx.close().await();
    }

    @Test
    void start_openProxyOnAPublicHostAddress_refusesNamingTheListenerAndBindsNothing() {
        assertThat(OPEN_ON_ALL_INTERFACES).contains("listen: \":0\"");
        BifrostServer server = server(OPEN_ON_ALL_INTERFACES, PUBLIC_HOST);

        Throwable failure = catchThrowable(() -> server.start().await(10, TimeUnit.SECONDS));

        assertThat(failure).hasMessageContaining("server.http.listen: refusing to run an open proxy on public address"
                + " 203.0.113.7; require authentication, restrict access_control.whitelist, bind to a private address,"
                + " or set server.allow_open_proxy: true");
        assertThat(server.httpAddress()).isEmpty();
        assertThat(server.socks5Address()).isEmpty();
    }

    @Test
    void start_openProxyAllowedExplicitly_starts() throws Exception {
        String allowed = OPEN_ON_ALL_INTERFACES.replace("  graceful_period: \"2s\"\n",
                "  graceful_period: \"2s\"\n  allow_open_proxy: true\n");
        BifrostServer server = server(allowed, PUBLIC_HOST);

        server.start().await(10, TimeUnit.SECONDS);

        assertThat(server.httpAddress()).isPresent();
        server.stop(Duration.ZERO).await(10, TimeUnit.SECONDS);
    }

    @Test
    void start_localAddrNotOnThisHost_failsNamingTheBackendKey() {
        BifrostServer server = server(TestConfigs.server("""
                backends:
                  - name: pinned
                    type: direct
                    config:
                      local_addr: "192.0.2.1"
                routes:
                  - domains: ["*"]
                    backend: pinned
                """), ServerOptions.interfaceAddresses()); // 192.0.2.1: TEST-NET-1, on no host (RFC 5737)

        Throwable failure = catchThrowable(() -> server.start().await(10, TimeUnit.SECONDS));

        assertThat(failure).hasMessageContaining("backends[0].config.local_addr: cannot bind 192.0.2.1");
        assertThat(server.httpAddress()).isEmpty();
    }

    private BifrostServer server(String yaml, List<IpAddress> hostAddresses) {
        return BifrostServer.create(vertx, ServerConfigLoader.withProcessEnvironment().loadText(yaml).orElseThrow(),
                ServerOptions.defaults().withHostAddresses(() -> hostAddresses));
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text).orElseThrow();
    }
}

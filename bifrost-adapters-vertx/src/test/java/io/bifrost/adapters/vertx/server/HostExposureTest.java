package io.bifrost.adapters.vertx.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.net.IpAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** [SEC-090] for {@code validate}: the host-dependent open-proxy rule of start-up, as warnings. */
class HostExposureTest {
    private static final String OPEN_ON_ALL_INTERFACES = """
            server:
              http: {listen: ":7080"}
              socks5: {listen: "127.0.0.1:7180"}
            backends:
              - {name: direct, type: direct}
            routes:
              - {domains: ["*"], backend: direct}
            api: {listen: "127.0.0.1:7081"}
            metrics: {listen: "127.0.0.1:9090"}
            """;
    private static final List<IpAddress> PUBLIC_HOST = List.of(ip("127.0.0.1"), ip("10.0.0.5"), ip("203.0.113.7"));

    @Test
    void withWarnings_openProxyOnAHostWithAPublicAddress_addsTheStartUpRefusalAsAWarning() {
        ConfigResult<ServerConfig> result = HostExposure.withWarnings(load(OPEN_ON_ALL_INTERFACES), PUBLIC_HOST);

        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings()).contains(ConfigProblem.warning("server.http.listen",
                "refusing to run an open proxy on public address 203.0.113.7; require authentication, restrict "
                        + "access_control.whitelist, bind to a private address, or set server.allow_open_proxy: true"));
    }

    @Test
    void withWarnings_privateHostOrPrivateWhitelist_addsNothing() {
        ConfigResult<ServerConfig> loaded = load(OPEN_ON_ALL_INTERFACES);
        ConfigResult<ServerConfig> whitelisted = load(OPEN_ON_ALL_INTERFACES
                + "access_control:\n  whitelist: [\"10.0.0.0/8\"]\n");

        assertThat(HostExposure.withWarnings(loaded, List.of(ip("127.0.0.1"), ip("10.0.0.5"))).problems())
                .isEqualTo(loaded.problems());
        assertThat(HostExposure.withWarnings(whitelisted, PUBLIC_HOST).problems()).isEqualTo(whitelisted.problems());
    }

    private static ConfigResult<ServerConfig> load(String yaml) {
        ConfigResult<ServerConfig> loaded = ServerConfigLoader.withProcessEnvironment().loadText(yaml);
        assertThat(loaded.errors()).isEmpty();
        return loaded;
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text).orElseThrow();
    }
}

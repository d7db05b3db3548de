package io.bifrost.core.client;

import static io.bifrost.core.client.ClientConfigs.route;
import static io.bifrost.core.client.ClientConfigs.server;
import static io.bifrost.core.client.ClientConfigs.with;
import static io.bifrost.core.client.ClientConfigs.withTimeout;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.config.ApiConfig;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ClientProxyConfig;
import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.core.config.HealthCheckConfig;
import io.bifrost.core.config.LaterPhaseSection;
import io.bifrost.core.config.ListenAddress;
import io.bifrost.core.config.ListenerConfig;
import io.bifrost.core.config.UpstreamServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** [CFG-085]: hot fields apply, the others are reported by path. */
class ClientConfigChangesTest {
    private final ClientConfig running = with(server("proxy.example.com:7080"), List.of(),
            List.of(route("all", Action.SERVER, 1, "*")));

    @Test
    void restartFields_onlyHotChanges_isEmpty() {
        ClientConfig next = with(withTimeout(server("other.example.com:7080"), Duration.ofSeconds(5)), List.of(),
                List.of(route("local", Action.DIRECT, 10, "localhost")));

        assertThat(ClientConfigChanges.restartFields(running, next)).isEmpty();
    }

    @Test
    void restartFields_listenerApiAndLaterPhase_reportedByPath() {
        ListenerConfig http = running.proxy().http();
        ListenerConfig movedHttp = new ListenerConfig(ListenAddress.parse("127.0.0.1:8080"), http.readTimeout(),
                http.writeTimeout(), http.idleTimeout(), http.maxConnections(), http.tls());
        ApiConfig api = running.api();
        ApiConfig withToken = new ApiConfig(api.enabled(), api.listen(), "0123456789abcdef0123",
                api.enableRequestLog(), api.requestLogSize(), api.websocketMaxClients());
        UpstreamServerConfig s = running.server();
        UpstreamServerConfig probed = new UpstreamServerConfig(s.address(), s.protocol(), s.username(), s.password(),
                s.timeout(), s.retryCount(), s.retryDelay(), s.tls(),
                new HealthCheckConfig(null, Duration.ofSeconds(10), null, null, null, null, null, null, null));
        ClientConfig next = new ClientConfig(new ClientProxyConfig(movedHttp, running.proxy().socks5()), probed,
                running.servers(), running.routes(), running.debug(), running.logging(), running.webUi(), withToken,
                running.tray(), running.autoUpdate(), running.systemProxy(),
                new LaterPhaseSection(false, Map.of("tun", Map.of("mtu", 1500))), running.mesh());

        assertThat(ClientConfigChanges.restartFields(running, next))
                .containsExactly("proxy.http.listen", "server.health_check", "api.token", "vpn.tun");
    }

    @Test
    void applyHot_takesHotFieldsFromTheFileAndKeepsTheRest() {
        ListenerConfig http = running.proxy().http();
        ListenerConfig movedHttp = new ListenerConfig(ListenAddress.parse("127.0.0.1:8080"), http.readTimeout(),
                http.writeTimeout(), http.idleTimeout(), http.maxConnections(), http.tls());
        ClientConfig file = with(withTimeout(server("other.example.com:7080"), Duration.ofSeconds(5)), List.of(),
                List.of(route("local", Action.DIRECT, 10, "localhost")));
        file = new ClientConfig(new ClientProxyConfig(movedHttp, file.proxy().socks5()), file.server(),
                file.servers(), file.routes(), file.debug(), file.logging(), file.webUi(), file.api(), file.tray(),
                file.autoUpdate(), file.systemProxy(), file.vpn(), file.mesh());

        ClientConfig applied = ClientConfigChanges.applyHot(running, file);

        assertThat(applied.server().address()).hasToString("other.example.com:7080");
        assertThat(applied.server().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(applied.routes()).isEqualTo(file.routes());
        assertThat(applied.proxy()).isEqualTo(running.proxy());
    }
}

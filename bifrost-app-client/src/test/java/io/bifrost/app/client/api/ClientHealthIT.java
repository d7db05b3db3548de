package io.bifrost.app.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.app.client.Poll;
import io.bifrost.app.client.proxy.RestartableServer;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * [CAPI-010], [CAPI-013]: health follows the reachability probe of the active upstream (every second here) without
 * any traffic: degraded while the server is down, healthy again when it is back on the same port.
 */
class ClientHealthIT {
    @RegisterExtension
    @Order(1)
    static final RestartableServer server = new RestartableServer();

    @RegisterExtension
    @Order(2)
    static final BifrostClientExtension client = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client(
            ClientTestConfigs.server(server.httpProxy(), "http")));

    /**
     * [CAPI-010]: health follows within one probe interval, plus the probe's own timeout and a little scheduling
     * slack: {@link ClientTestConfigs#server} probes every 1 s with a 500 ms timeout.
     */
    private static final Duration ONE_PROBE = Duration.ofMillis(1_000 + 500 + 500);

    private final ApiCalls api = new ApiCalls(client::api);

    private String health() {
        return api.get("/api/v1/health").json().getString("status");
    }

    private boolean serverConnected() {
        return api.get("/api/v1/status").json().getBoolean("server_connected");
    }

    @Test
    void health_upstreamStopsAndReturns_turnsDegradedAndBack() {
        Poll.until("the first probe", this::serverConnected);
        assertThat(health()).isEqualTo("healthy");

        server.stop();

        Poll.until("health degraded", ONE_PROBE, () -> health().equals("degraded"));
        assertThat(serverConnected()).isFalse();
        assertThat(api.get("/api/v1/servers").array().getJsonObject(0).getString("status")).isEqualTo("unreachable");

        server.start();

        Poll.until("health healthy again", ONE_PROBE, () -> health().equals("healthy"));
        assertThat(serverConnected()).isTrue();
    }
}

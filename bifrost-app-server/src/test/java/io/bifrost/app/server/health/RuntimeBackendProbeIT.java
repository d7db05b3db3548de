package io.bifrost.app.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.server.BifrostServer;
import io.bifrost.core.event.BackendHealthChanged;
import io.bifrost.testkit.FakePorts;
import io.bifrost.testkit.server.BifrostServerExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** [BKD-061] item 4: a backend added at run time gets its probe at once; a removed backend's probe stops. */
class RuntimeBackendProbeIT {
    @RegisterExtension
    final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> """
            server:
              http:
                listen: "127.0.0.1:0"
              socks5:
                listen: "127.0.0.1:0"
            api:
              listen: "127.0.0.1:0"
            metrics:
              enabled: false
            access_log:
              enabled: false
            network:
              allow_loopback_destinations: true
            health_check:
              interval: "1s"
              timeout: "500ms"
            backends:
              - name: direct
                type: direct
            routes:
              - name: default
                domains: ["*"]
                backend: direct
            """);

    @Test
    void addBackend_getsItsProbeAtOnce_removeBackend_stopsIt() {
        BifrostServer server = bifrost.server();
        assertThat(server.healthChecks().probedBackends()).isEmpty(); // direct without a target is not probed

        server.control().addBackend(Map.of("name", "late", "type", "http_proxy",
                "config", Map.of("address", "127.0.0.1:" + FakePorts.closedPort()))).await();

        BackendHealthChanged down = bifrost.events().await(BackendHealthChanged.class,
                e -> e.backend().equals("late"), 1, Duration.ofSeconds(3)).get(0);
        assertThat(down.healthy()).isFalse();
        assertThat(down.reason()).isEqualTo("connection refused");
        assertThat(server.healthChecks().probedBackends()).containsExactly("late");
        assertThat(server.healthChecks().degraded()).isTrue();

        server.control().removeBackend("late").await();

        assertThat(server.healthChecks().probedBackends()).isEmpty();
        assertThat(server.healthChecks().view("late")).isEmpty();
        assertThat(server.healthChecks().degraded()).isFalse();
    }
}

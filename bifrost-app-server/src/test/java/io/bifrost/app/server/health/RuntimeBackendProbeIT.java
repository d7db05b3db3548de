package io.bifrost.app.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.config.LoadedServerConfig;
import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.server.BifrostServer;
import io.bifrost.adapters.vertx.server.BifrostVertx;
import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.core.event.BackendHealthChanged;
import io.bifrost.testkit.FakePorts;
import io.bifrost.testkit.server.RecordingEventSink;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** [BKD-061] item 4: a backend added at run time gets its probe at once; a removed backend's probe stops. */
class RuntimeBackendProbeIT {
    private final RecordingEventSink events = new RecordingEventSink();

    @TempDir
    Path dir;

    private Vertx vertx;
    private BifrostServer server;

    @BeforeEach
    void start() throws IOException {
        Path file = dir.resolve("server-config.yaml");
        Files.writeString(file, """
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
        LoadedServerConfig loaded = new ServerConfigLoader(EnvLookup.of(Map.of())).loadWithSource(file).orElseThrow();
        vertx = BifrostVertx.create();
        server = BifrostServer.create(vertx, loaded, ServerOptions.defaults().withEvents(events)).start().await();
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ZERO).await();
        vertx.close().await();
    }

    @Test
    void addBackend_getsItsProbeAtOnce_removeBackend_stopsIt() {
        assertThat(server.healthChecks().probedBackends()).isEmpty(); // direct without a target is not probed

        server.control().addBackend(Map.of("name", "late", "type", "http_proxy",
                "config", Map.of("address", "127.0.0.1:" + FakePorts.closedPort()))).await();

        BackendHealthChanged down = events.await(BackendHealthChanged.class, e -> e.backend().equals("late"), 1,
                Duration.ofSeconds(3)).get(0);
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

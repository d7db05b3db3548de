package io.bifrost.app.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.runtime.logging.LogSetup;
import io.bifrost.app.client.cli.ClientCliRun;
import io.bifrost.core.config.ClientRouteConfig;
import io.bifrost.core.config.LoggingConfig;
import io.bifrost.testkit.ManualSignals;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bifrost-client -c FILE} in-process: start on port 0, reload on SIGHUP, stop through the signal path. */
class ClientRunTest {
    private static final String CONFIG = """
            proxy:
              http: {listen: "127.0.0.1:0"}
              socks5: {listen: "127.0.0.1:0"}
            api: {listen: "127.0.0.1:0"}
            routes:
              - {name: %s, domains: ["*"], action: direct}
            logging: {output: "client.log"}
            """;

    @TempDir
    Path dir;

    private final ManualSignals signals = new ManualSignals();

    @AfterEach
    void restoreLogging() {
        LogSetup.apply(LoggingConfig.defaults(), dir); // the run pointed the JVM's log at this test's directory
    }

    private CompletableFuture<ClientCliRun> runInBackground(String... args) {
        return CompletableFuture.supplyAsync(() -> ClientCliRun.of(dir, signals, args));
    }

    @Test
    void run_portZeroConfig_servesReloadsOnHupAndExits0OnStop() throws Exception {
        Files.writeString(dir.resolve("c.yaml"), CONFIG.formatted("first"));
        CompletableFuture<ClientCliRun> run = runInBackground("-c", "c.yaml");
        ClientApplication app = signals.awaitApplication(ClientApplication.class);
        var http = app.httpAddress().orElseThrow();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(http.host(), http.port()), 2000);
        }

        Files.writeString(dir.resolve("c.yaml"), CONFIG.formatted("second"));
        signals.hup();
        Poll.until("the reload applied", () -> app.client().control().routes()
                .stream().map(ClientRouteConfig::name).toList().equals(java.util.List.of("second")));
        signals.term();

        assertThat(run.get(20, TimeUnit.SECONDS).status()).isZero();
        String log = Files.readString(dir.resolve("client.log"));
        assertThat(log)
                .contains("HTTP proxy listening on 127.0.0.1:" + http.port())
                .contains("no server configured: every request goes direct")
                .contains("configuration reloaded")
                .contains("stopping: draining connections for up to 5s")
                .contains("stopped");
    }

    @Test
    void run_invalidConfig_printsEveryProblemAndExits1WithoutStarting() throws Exception {
        Files.writeString(dir.resolve("c.yaml"), """
                proxy: {http: {listen: ""}, socks5: {listen: ""}}
                servers: [{name: default, address: "a.example:1"}]
                """);

        ClientCliRun run = ClientCliRun.of(dir, "-c", "c.yaml");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("error: proxy: ").contains("error: servers[0].name: ")
                .contains("Configuration is invalid: 2 error(s)");
    }
}

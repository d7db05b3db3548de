package io.bifrost.app.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.event.ConnectionClosed;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * [CFG-080]: a hot reload that changes routes, access_control and rate_limit applies to what comes after it; a
 * {@code CONNECT} tunnel opened before it stays open and keeps carrying bytes both ways.
 */
class TunnelAcrossReloadIT {
    private static final String ESTABLISHED = "HTTP/1.1 200 Connection established\r\n\r\n";
    private static final String SECTIONS = """
            backends:
              - name: direct
                type: direct
            routes:
              - name: local
                domains: ["127.0.0.1"]
                backend: direct
            """;

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    @Order(2)
    final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> TestConfigs.server(SECTIONS));

    private RawSocket connect() throws Exception {
        RawSocket socket = new RawSocket(bifrost.httpProxy());
        socket.send("CONNECT 127.0.0.1:" + echo.get().port() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        return socket;
    }

    @Test
    void reload_changingRoutesAccessControlAndRateLimit_keepsAnOpenTunnelCarryingBytes() throws Exception {
        ApiClient api = new ApiClient(bifrost.api(), null);
        try (RawSocket tunnel = connect()) {
            assertThat(tunnel.read(ESTABLISHED.length())).isEqualTo(ESTABLISHED);
            assertThat(tunnel.send("before").read(6)).isEqualTo("before");
            Files.writeString(bifrost.configFile(), TestConfigs.server(SECTIONS.replace("\"127.0.0.1\"",
                    "\"elsewhere.test\"") + """
                    access_control:
                      blacklist: ["127.0.0.1/32"]
                    rate_limit:
                      enabled: true
                      requests_per_second: 1
                      burst_size: 1
                    """));

            JsonObject reloaded = api.send("POST", "/api/v1/config/reload", null).assertStatus(200).json();
            String payload = "x".repeat(64 * 1024);
            String echoed = tunnel.send("after").read(5) + tunnel.send(payload).read(payload.length());
            String refused;
            try (RawSocket late = connect()) {
                refused = late.head();
            }

            assertThat(reloaded.getJsonArray("hot_reloaded_sections"))
                    .containsExactly("routes", "rate_limit", "access_control");
            assertThat(echoed).isEqualTo("after" + payload);
            assertThat(refused).startsWith("HTTP/1.1 403 "); // the new rules hold for a new tunnel
            assertThat(bifrost.events().ofType(ConnectionClosed.class)).isEmpty();
        }
    }
}

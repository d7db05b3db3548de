package io.bifrost.app.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.net.IpAddress;
import io.bifrost.testkit.server.BifrostServerExtension;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The start-up exposure warnings of [SEC-090] that depend on the host's addresses are listed by
 * {@code GET /api/v1/status} ([SAPI-012]) and follow changes of {@code access_control}. The host is said to have the
 * public address 203.0.113.7; the HTTP listener covers it (all interfaces) without authentication, which
 * {@code server.allow_open_proxy} allows. The whitelist lets only loopback and a documentation range in.
 */
class StatusWarningsIT {
    private static final String OPEN_PROXY = "server.http.listen: running an open proxy on public address 203.0.113.7"
            + " (allowed by server.allow_open_proxy: true)";
    private static final String CONFIG = """
            server:
              http:
                listen: ":0"
              socks5:
                listen: ""
              graceful_period: "1s"
              allow_open_proxy: true
            api:
              listen: "127.0.0.1:0"
            metrics:
              enabled: false
            access_log:
              enabled: false
            network:
              allow_loopback_destinations: true
            access_control:
              whitelist: ["127.0.0.1/32", "198.51.100.0/24"]
            backends:
              - name: direct
                type: direct
            routes:
              - domains: ["*"]
                backend: direct
            """;

    @RegisterExtension
    final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> CONFIG)
            .options(o -> o.withHostAddresses(() -> List.of(ip("127.0.0.1"), ip("203.0.113.7"))));

    private ApiClient api;

    private static IpAddress ip(String text) {
        return IpAddress.parse(text).orElseThrow();
    }

    @BeforeEach
    void client() {
        api = new ApiClient(bifrost.api(), null);
    }

    private List<Object> warnings() {
        return api.get("/api/v1/status").json().getJsonArray("warnings").getList();
    }

    @Test
    void status_openProxyAllowedOnAPublicAddress_isListed() {
        assertThat(warnings()).containsExactly(OPEN_PROXY);
    }

    @Test
    void status_saveRestrictingToPrivateClients_dropsTheWarning_reloadBringsItBack() throws Exception {
        api.send("PUT", "/api/v1/config", "{\"config\": {\"access_control\": {\"whitelist\": [\"127.0.0.0/8\"]}}}")
                .assertStatus(200);
        List<Object> afterSave = warnings();
        Files.writeString(bifrost.configFile(), CONFIG);

        api.send("POST", "/api/v1/config/reload", null).assertStatus(200);

        assertThat(afterSave).isEmpty();
        assertThat(warnings()).containsExactly(OPEN_PROXY);
    }
}

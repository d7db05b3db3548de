package io.bifrost.app.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.core.net.IpAddress;
import io.bifrost.testkit.client.BifrostClientExtension;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * [SEC-015], [CAPI-058]: without {@code api.token}, the client's export (which carries secrets as written) answers
 * loopback peers only. The API listens on this host's first non-loopback IPv4 address, so the test's own requests
 * come from a non-loopback peer.
 */
class RemoteExportIT {
    private static final Optional<IpAddress> EXTERNAL = ServerOptions.interfaceAddresses().stream()
            .filter(a -> a.isV4() && !a.isLoopback()).findFirst();

    @RegisterExtension
    final BifrostClientExtension client = BifrostClientExtension.withConfig(() -> """
            proxy:
              http:
                listen: "127.0.0.1:0"
              socks5:
                listen: "127.0.0.1:0"
            api:
              listen: "%s:0"
            server:
              address: "127.0.0.1:3128"
              password: eu-secret
            """.formatted(EXTERNAL.map(IpAddress::toString).orElse("127.0.0.1")));

    private final ApiCalls api = new ApiCalls(client::api);

    @Test
    void export_noToken_nonLoopbackPeer_isForbiddenAndShowsNoSecret() {
        assumeThat(EXTERNAL).as("a non-loopback IPv4 address on this host").isPresent();

        for (ApiCalls.Answer refused : new ApiCalls.Answer[] {
                api.send("POST", "/api/v1/config/export", null, "X-Requested-With", "XMLHttpRequest"),
                api.get("/api/v1/config/export?format=json")}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().getString("code")).isEqualTo("FORBIDDEN");
            assertThat(refused.json().getString("message")).contains("api.token");
            assertThat(refused.body()).doesNotContain("eu-secret");
        }
    }
}

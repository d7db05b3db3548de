package io.bifrost.adapters.vertx.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.dial.DialFailure;
import io.bifrost.adapters.vertx.dial.handshake.UpstreamHttpResponse;
import io.bifrost.core.config.UpstreamProtocol;
import io.bifrost.core.traffic.ErrorCode;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two tables of [PRX-124]. */
class ServerRefusalsTest {

    @ParameterizedTest(name = "{0} {1} → REP {2}")
    @CsvSource({
            "403, no_route,                0x02",
            "407, auth_required,           0x02",
            "429, rate_limited,            0x02",
            "502, connection_refused,      0x05",
            "502, dns_error,               0x04",
            "504, dns_timeout,             0x04",
            "502, destination_unreachable, 0x04",
            "504, connection_timeout,      0x04",
            "504, '',                      0x04",
            "503, no_backend,              0x01",
            "502, upstream_proxy_error,    0x01",
            "400, '',                      0x01",
    })
    void socksReply_httpServerAnswer_mapsPerTheTable(int status, String error, String rep) {
        assertThat(ServerRefusals.socksReply(status, error)).isEqualTo(Integer.decode(rep));
    }

    @ParameterizedTest(name = "REP {0} → {1}")
    @CsvSource({
            "0x02, ACCESS_DENIED",
            "0x05, CONNECTION_REFUSED",
            "0x03, DESTINATION_UNREACHABLE",
            "0x04, DESTINATION_UNREACHABLE",
            "0x06, CONNECTION_TIMEOUT",
            "0x01, UPSTREAM_PROXY_ERROR",
            "0x07, UPSTREAM_PROXY_ERROR",
            "0x08, UPSTREAM_PROXY_ERROR",
    })
    void fromSocksReply_socks5ServerRep_mapsPerTheTable(String rep, ErrorCode code) {
        assertThat(ServerRefusals.fromSocksReply(Integer.decode(rep))).isEqualTo(code);
    }

    @Test
    void forLocalClients_httpRefusal_isRelayedWithTheServersCode() {
        UpstreamHttpResponse response = new UpstreamHttpResponse(403, "Forbidden",
                List.of(Map.entry("X-Bifrost-Error", "no_route")), Buffer.buffer("Bifrost: no route\n"));
        DialFailure refused = DialFailure.refusedByUpstream(ErrorCode.UPSTREAM_PROXY_ERROR, "answered 403",
                DialFailure.NO_SOCKS_REPLY, response);

        DialFailure local = (DialFailure) ServerRefusals.forLocalClients(UpstreamProtocol.HTTP, refused);

        assertThat(local.relay()).isTrue();
        assertThat(local.code()).isEqualTo(ErrorCode.NO_ROUTE);
        assertThat(local.socksReply()).isEqualTo(0x02);
        assertThat(local.upstreamResponse()).contains(response);
    }

    @Test
    void forLocalClients_socks5Refusal_keepsTheRepAndMapsTheCode() {
        DialFailure refused = DialFailure.refusedByUpstream(ErrorCode.UPSTREAM_PROXY_ERROR, "REP 5", 0x05, null);

        DialFailure local = (DialFailure) ServerRefusals.forLocalClients(UpstreamProtocol.SOCKS5, refused);

        assertThat(local.relay()).isFalse();
        assertThat(local.code()).isEqualTo(ErrorCode.CONNECTION_REFUSED);
        assertThat(local.socksReply()).isEqualTo(0x05);
    }

    @Test
    void forLocalClients_failureToReachTheServer_passesThroughUnchanged() {
        DialFailure unreachable = new DialFailure(ErrorCode.CONNECTION_TIMEOUT, "timed out");

        assertThat(ServerRefusals.forLocalClients(UpstreamProtocol.HTTP, unreachable)).isSameAs(unreachable);
    }
}

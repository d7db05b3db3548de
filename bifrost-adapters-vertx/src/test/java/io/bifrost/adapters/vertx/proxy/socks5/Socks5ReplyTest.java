package io.bifrost.adapters.vertx.proxy.socks5;

import static io.bifrost.adapters.vertx.proxy.socks5.ServerExchange.hexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Socks5ReplyTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "SUCCEEDED, 0", "GENERAL_FAILURE, 1", "NOT_ALLOWED_BY_RULESET, 2", "NETWORK_UNREACHABLE, 3",
            "HOST_UNREACHABLE, 4", "CONNECTION_REFUSED, 5", "TTL_EXPIRED, 6", "COMMAND_NOT_SUPPORTED, 7",
            "ADDRESS_TYPE_NOT_SUPPORTED, 8",
    })
    void code_matchesRfc1928(Socks5Reply reply, int code) {
        assertThat(reply.code()).isEqualTo(code);
        assertThat(Socks5Reply.fromCode(code)).contains(reply);
    }

    @Test
    void fromCode_unassigned_isEmpty() {
        assertThat(Socks5Reply.fromCode(9)).isEmpty();
        assertThat(Socks5Reply.fromCode(0xff)).isEmpty();
    }

    @Test
    void encodeFailure_isAlwaysTenBytesWithZeroAddress() {
        assertThat(hexOf(Socks5Reply.NOT_ALLOWED_BY_RULESET.encodeFailure())).isEqualTo("05020001000000000000");
        assertThat(hexOf(Socks5Reply.ADDRESS_TYPE_NOT_SUPPORTED.encodeFailure())).isEqualTo("05080001000000000000");
        assertThatIllegalStateException().isThrownBy(Socks5Reply.SUCCEEDED::encodeFailure);
    }

    @Test
    void encodeSuccess_carriesBoundAddressAndPort() {
        Socks5Endpoint v6 = new Socks5Endpoint(Socks5Address.parseHost("2001:db8::7"), 8080);

        assertThat(hexOf(Socks5Reply.encodeSuccess(v6))).isEqualTo("0500000420010db8000000000000000000000007" + "1f90");
        assertThat(hexOf(Socks5Reply.encodeSuccess(Socks5Endpoint.UNSPECIFIED))).isEqualTo("05000001000000000000");
    }
}

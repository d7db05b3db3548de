package io.bifrost.adapters.vertx.dial.handshake;

import static io.bifrost.adapters.vertx.dial.handshake.ClientExchange.hex;
import static io.bifrost.adapters.vertx.dial.handshake.ClientExchange.runAllSplits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.bifrost.adapters.vertx.dial.handshake.ClientExchange.Result;
import io.bifrost.adapters.vertx.proxy.socks5.Socks5Reply;
import io.vertx.core.buffer.Buffer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Socks5ClientHandshakeTest {

    private static final String PROXY = "198.51.100.30:1080";
    private static final UpstreamCredentials ALICE = new UpstreamCredentials("alice", "s3cret");
    private static final String CONNECT_EXAMPLE = "05010003 0b 6578616d706c652e636f6d 01bb";   // example.com:443
    private static final String SUCCESS_10_0_0_1_40000 = "05000001 0a000001 9c40";

    private static Supplier<UpstreamHandshake> to(String host, int port, UpstreamCredentials credentials) {
        return () -> new Socks5ClientHandshake(PROXY, new TunnelTarget(host, port), credentials);
    }

    // ---- success paths ([BKD-033], [PRX-122]) ---------------------------------------------------------------------

    @Test
    void feed_noCredentials_offersNoAuthThenConnectsByName() {
        Result result = runAllSplits(to("example.com", 443, null), hex("0500" + SUCCESS_10_0_0_1_40000));

        assertThat(result.written()).isEqualTo("050100" + CONNECT_EXAMPLE.replace(" ", ""));
        assertThat(result.ending()).isEqualTo("established socks5 bound Ipv4 10.0.0.1:40000");
        assertThat(result.leftover()).isEmpty();
    }

    @Test
    void feed_credentialsSelected_authenticatesThenConnects() {
        Result result = runAllSplits(to("example.com", 443, ALICE), hex("0502" + "0100" + SUCCESS_10_0_0_1_40000));

        assertThat(result.written()).isEqualTo("05020002" + "0105616c69636506733363726574"
                + CONNECT_EXAMPLE.replace(" ", ""));
        assertThat(result.ending()).isEqualTo("established socks5 bound Ipv4 10.0.0.1:40000");
    }

    @Test
    void feed_credentialsConfiguredButNoAuthSelected_skipsSubnegotiation() {
        Result result = runAllSplits(to("example.com", 443, ALICE), hex("0500" + SUCCESS_10_0_0_1_40000));

        assertThat(result.written()).isEqualTo("05020002" + CONNECT_EXAMPLE.replace(" ", ""));
        assertThat(result.ending()).startsWith("established");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "192.0.2.1,          05010001 c0000201 0050",
            "2001:db8::10,       05010004 20010db8000000000000000000000010 0050",
            "[2001:db8::10],     05010004 20010db8000000000000000000000010 0050",
            "::ffff:192.0.2.1,   05010001 c0000201 0050",
            "intranet.corp,      05010003 0d 696e7472616e65742e636f7270 0050",
    })
    void feed_target_usesAtypOfItsKind(String host, String connectRequest) {
        Result result = runAllSplits(to(host, 80, null), hex("0500" + SUCCESS_10_0_0_1_40000));

        assertThat(result.written()).isEqualTo("050100" + connectRequest.replace(" ", ""));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "05000004 20010db8000000000000000000000001 0000, Ipv6 [2001:db8::1]:0",
            "05000003 09 70726f78792e6c616e 1f90,           DomainName proxy.lan:8080",
            "05000001 00000000 0000,                        Ipv4 0.0.0.0:0",
    })
    void feed_boundAddressOfAnyType_isParsed(String reply, String bound) {
        Result result = runAllSplits(to("example.com", 443, null), hex("0500" + reply));

        assertThat(result.ending()).isEqualTo("established socks5 bound " + bound);
    }

    @Test
    void feed_bytesAfterTheReply_areLeftoverTunnelBytes() {
        Result result = runAllSplits(to("example.com", 443, null), hex("0500" + SUCCESS_10_0_0_1_40000 + "5353482d"));

        assertThat(result.leftover()).isEqualTo("5353482d");
    }

    @Test
    void bytesReadAndWritten_countHandshakeBytesOnly() {
        UpstreamHandshake handshake = to("example.com", 443, ALICE).get();
        handshake.start();
        handshake.feed(Buffer.buffer(hex("0502")));
        handshake.feed(Buffer.buffer(hex("0100")));
        handshake.feed(Buffer.buffer(hex(SUCCESS_10_0_0_1_40000 + "ffff")));

        assertThat(handshake.bytesRead()).isEqualTo(2 + 2 + 10);
        assertThat(handshake.bytesWritten()).isEqualTo(4 + 14 + 18);
    }

    // ---- failures -------------------------------------------------------------------------------------------------

    @Test
    void feed_noAcceptableMethodWithoutCredentials_isUpstreamAuthFailed() {
        Result result = runAllSplits(to("example.com", 443, null), hex("05ff"));

        assertThat(result.ending()).isEqualTo("failed AUTH_FAILED: upstream proxy 198.51.100.30:1080 requires "
                + "authentication, but no credentials are configured for it");
        assertThat(result.failure().errorCode()).isEqualTo("upstream_auth_failed");
        assertThat(result.failure().replyForSocks5Client()).isEqualTo(Socks5Reply.GENERAL_FAILURE);
    }

    @Test
    void feed_noAcceptableMethodDespiteCredentials_isUpstreamProxyError() {
        Result result = runAllSplits(to("example.com", 443, ALICE), hex("05ff"));

        assertThat(result.failure().kind()).isEqualTo(HandshakeFailureKind.PROXY_ERROR);
        assertThat(result.failure().errorCode()).isEqualTo("upstream_proxy_error");
        assertThat(result.failure().socks5Reply()).isEmpty();
    }

    @Test
    void feed_credentialsRejected_isUpstreamAuthFailedNamingTheUser() {
        Result result = runAllSplits(to("example.com", 443, ALICE), hex("0502" + "0101"));

        assertThat(result.ending()).isEqualTo("failed AUTH_FAILED: upstream proxy 198.51.100.30:1080 rejected the "
                + "credentials of user 'alice' (status 0x01)");
        assertThat(result.ending()).doesNotContain("s3cret");
    }

    @ParameterizedTest(name = "REP {0} → client gets {1}")
    @CsvSource({
            "01, GENERAL_FAILURE", "02, NOT_ALLOWED_BY_RULESET", "04, HOST_UNREACHABLE", "05, CONNECTION_REFUSED",
            "08, ADDRESS_TYPE_NOT_SUPPORTED", "09, GENERAL_FAILURE", "ff, GENERAL_FAILURE",
    })
    void feed_replyFailure_isUpstreamProxyErrorCarryingRep(String rep, Socks5Reply forClient) {
        Result result = runAllSplits(to("example.com", 443, null), hex("0500" + "05" + rep));   // REP alone decides

        UpstreamHandshakeException failure = result.failure();
        assertThat(failure.kind()).isEqualTo(HandshakeFailureKind.PROXY_ERROR);
        assertThat(failure.socks5Reply()).hasValue(Integer.parseInt(rep, 16));
        assertThat(failure.replyForSocks5Client()).isEqualTo(forClient);
        assertThat(failure.getMessage())
                .startsWith("upstream proxy 198.51.100.30:1080 refused CONNECT example.com:443: REP 0x" + rep);
    }

    @Test
    void feed_connectionRefusedReply_namesTheMeaning() {
        Result result = runAllSplits(to("example.com", 443, null), hex("0500" + "05050001 00000000 0000"));

        assertThat(result.failure().getMessage()).endsWith("REP 0x05 (connection refused)");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "04 00,                                 answered the greeting with version 0x04",
            "05 02,                                 'selected method 0x02, which was not offered'",
            "05 01,                                 'selected method 0x01, which was not offered'",
            "0500 04000001 0a000001 0050,           answered CONNECT with version 0x04",
            "0500 05000007 0a000001 0050,           replied with address type 0x07",
            "0500 05000003 03 612062 0050,          replied with an invalid bound host name",
    })
    void feed_garbage_isProtocolViolation(String upstream, String detail) {
        Result result = runAllSplits(to("example.com", 443, null), hex(upstream));

        assertThat(result.ending()).isEqualTo("failed PROTOCOL_VIOLATION: upstream proxy 198.51.100.30:1080 " + detail
                + (detail.contains("version") ? " (expected: 0x05)" : ""));
        assertThat(result.failure().errorCode()).isEqualTo("upstream_proxy_error");
    }

    @Test
    void feed_authReplyWithWrongVersion_isProtocolViolation() {
        Result result = runAllSplits(to("example.com", 443, ALICE), hex("0502" + "0500"));

        assertThat(result.ending()).isEqualTo("failed PROTOCOL_VIOLATION: upstream proxy 198.51.100.30:1080 answered "
                + "the credentials with version 0x05 (expected: 0x01)");
    }

    @Test
    void connectionLost_midHandshake_isConnectionLost() {
        UpstreamHandshake handshake = to("example.com", 443, null).get();
        handshake.start();
        handshake.feed(Buffer.buffer(hex("0500 0500")));

        UpstreamHandshakeException failure = handshake.connectionLost(null);

        assertThat(failure.kind()).isEqualTo(HandshakeFailureKind.CONNECTION_LOST);
        assertThat(failure.getMessage()).isEqualTo("upstream proxy 198.51.100.30:1080 closed the connection during "
                + "the SOCKS5 handshake for example.com:443");
    }

    @Test
    void constructor_credentialsBeyondRfc1929Limits_areRejected() {
        TunnelTarget target = new TunnelTarget("example.com", 443);

        assertThatIllegalArgumentException().isThrownBy(() -> new Socks5ClientHandshake(PROXY, target,
                new UpstreamCredentials("ü".repeat(128), "x"))).withMessageContaining("username: 256 UTF-8 bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> new Socks5ClientHandshake(PROXY, target,
                new UpstreamCredentials("bob", "p".repeat(256)))).withMessageContaining("password: 256");
        assertThat(new Socks5ClientHandshake(PROXY, target, new UpstreamCredentials("bob", "")).start().length())
                .isEqualTo(4);
    }

    @Test
    void misuse_feedAfterTheEnd_isRejected() {
        UpstreamHandshake handshake = to("example.com", 443, null).get();
        handshake.start();
        handshake.feed(Buffer.buffer(hex("05ff")));

        assertThatIllegalStateException().isThrownBy(() -> handshake.feed(Buffer.buffer(hex("00"))));
    }
}

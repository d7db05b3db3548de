package io.bifrost.adapters.vertx.proxy.socks5;

import static io.bifrost.adapters.vertx.proxy.socks5.ServerExchange.hex;
import static io.bifrost.adapters.vertx.proxy.socks5.ServerExchange.hexOf;
import static io.bifrost.adapters.vertx.proxy.socks5.ServerExchange.runAllSplits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.bifrost.adapters.vertx.proxy.socks5.ServerExchange.Result;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Socks5ServerHandshakeTest {

    private static final String NO_AUTH_GREETING = "050100";
    private static final String CONNECT_10_0_0_1_443 = "05010001 0a000001 01bb";
    private static final String FAILURE_TAIL = "0001000000000000";     // RSV ATYP=1 0.0.0.0:0 ([PRX-076])

    // ---- greeting ([PRX-071]) -------------------------------------------------------------------------------------

    @Test
    void feed_socks4Request_closesWithoutReply() {
        Result result = runAllSplits(Socks5Admission.OPEN, hex("04 01 0050 0a000001 00"));

        assertThat(result.written()).isEmpty();
        assertThat(result.ending()).isEqualTo("close MALFORMED_GREETING");
    }

    @Test
    void feed_wrongVersionByteAlone_closesAtOnce() {
        Socks5ServerStep step = new Socks5ServerHandshake(Socks5Admission.OPEN).feed(Buffer.buffer(hex("47")));

        assertThat(step).isEqualTo(new Socks5ServerStep.Close(Buffer.buffer(), Socks5RefusalReason.MALFORMED_GREETING));
    }

    @Test
    void feed_zeroMethods_answersNoAcceptableMethodAndRecordsAuth() {
        Result result = runAllSplits(Socks5Admission.OPEN, hex("05 00"));

        assertThat(result.written()).isEqualTo("05ff");
        assertThat(result.ending()).isEqualTo("reply+close NO_ACCEPTABLE_METHOD AUTH '' 0");
    }

    @Test
    void feed_incompleteGreeting_waitsWithoutWriting() {
        Socks5ServerHandshake handshake = new Socks5ServerHandshake(Socks5Admission.OPEN);

        assertThat(handshake.feed(Buffer.buffer(hex("05 03 01 00"))))
                .isEqualTo(new Socks5ServerStep.Continue(Buffer.buffer()));
        assertThat(handshake.bytesRead()).isZero();
    }

    // ---- method selection ([PRX-072], [PRX-083]) -------------------------------------------------------------------

    @ParameterizedTest(name = "{0} offering {1} → {2}")
    @CsvSource({
            "OPEN,         00,       0500",
            "OPEN,         02 00,    0500",
            "OPEN,         01 00 02, 0500",
            "OPEN,         02,       0502",
            "OPEN,         01,       05ff",   // GSSAPI is never selected
            "OPEN,         03 80 fe, 05ff",
            "AUTHENTICATE, 00 01 02, 0502",
            "AUTHENTICATE, 02,       0502",
            "AUTHENTICATE, 00,       05ff",
            "AUTHENTICATE, 00 01,    05ff",
            "REFUSED,      02 00,    0500",
            "REFUSED,      02,       0502",
            "REFUSED,      01,       05ff",
    })
    void feed_offeredMethods_selectPerSpecTable(Socks5Admission admission, String methods, String expectedReply) {
        byte[] offered = hex(methods);
        Buffer greeting = Buffer.buffer().appendByte((byte) 5).appendByte((byte) offered.length).appendBytes(offered);

        Socks5ServerStep step = new Socks5ServerHandshake(admission).feed(greeting);

        assertThat(hexOf(step.toWrite())).isEqualTo(expectedReply);
        if (expectedReply.equals("05ff")) {
            assertThat(step).isInstanceOf(Socks5ServerStep.ReplyAndClose.class);
        } else {
            assertThat(step).isInstanceOf(Socks5ServerStep.Continue.class);
        }
    }

    // ---- RFC 1929 sub-negotiation ([PRX-073]) ---------------------------------------------------------------------

    @Test
    void feed_authRequiredAndAccepted_verifiesThenConnects() {
        String exchange = "05 02 00 02" + credentials("alice", "s3cret") + CONNECT_10_0_0_1_443;

        Result result = runAllSplits(Socks5Admission.AUTHENTICATE, hex(exchange), (user, password) -> true);

        assertThat(result.verified()).containsExactly("alice:s3cret");
        assertThat(result.written()).isEqualTo("0502" + "0100");
        assertThat(result.ending()).isEqualTo("connect Ipv4 10.0.0.1:443");
    }

    @Test
    void feed_authRequiredAndRejected_answersFailureStatusAndCloses() {
        String exchange = "05 01 02" + credentials("alice", "wrong") + CONNECT_10_0_0_1_443;

        Result result = runAllSplits(Socks5Admission.AUTHENTICATE, hex(exchange), (user, password) -> false);

        assertThat(result.verified()).containsExactly("alice:wrong");
        assertThat(result.written()).isEqualTo("0502" + "0101");
        assertThat(result.ending()).isEqualTo("reply+close CREDENTIALS_REJECTED AUTH '' 0");
    }

    @Test
    void feed_utf8CredentialsAndEmptyPassword_areDecoded() {
        String exchange = "05 01 02" + credentials("jürgen", "") + CONNECT_10_0_0_1_443;

        Result result = runAllSplits(Socks5Admission.AUTHENTICATE, hex(exchange), (user, password) -> true);

        assertThat(result.verified()).containsExactly("jürgen:");
    }

    @Test
    void feed_authRequiredButEmptyUsername_rejectsWithoutVerifying() {
        Result result = runAllSplits(Socks5Admission.AUTHENTICATE, hex("05 01 02  01 00 03 616263"),
                (user, password) -> true);

        assertThat(result.verified()).isEmpty();
        assertThat(result.written()).isEqualTo("0502" + "0101");
        assertThat(result.ending()).isEqualTo("reply+close CREDENTIALS_REJECTED AUTH '' 0");
    }

    @Test
    void feed_authRequiredButUsernameNotUtf8_rejectsWithoutVerifying() {
        Result result = runAllSplits(Socks5Admission.AUTHENTICATE, hex("05 01 02  01 02 c328 01 61"),
                (user, password) -> true);

        assertThat(result.verified()).isEmpty();
        assertThat(result.ending()).isEqualTo("reply+close CREDENTIALS_REJECTED AUTH '' 0");
    }

    @Test
    void feed_subnegotiationVersionNot1_closesWithoutAnsweringIt() {
        Result result = runAllSplits(Socks5Admission.AUTHENTICATE, hex("05 01 02  05 05 616c696365 00"),
                (user, password) -> true);

        assertThat(result.written()).isEqualTo("0502");     // the greeting's answer only; never a 01 xx
        assertThat(result.ending()).isEqualTo("close MALFORMED_SUBNEGOTIATION");
    }

    @Test
    void feed_authNotRequiredButOnlyPasswordOffered_acceptsAnyCredentialsUnverified() {
        String exchange = "05 01 02" + credentials("whoever", "whatever") + CONNECT_10_0_0_1_443;

        Result result = runAllSplits(Socks5Admission.OPEN, hex(exchange));

        assertThat(result.written()).isEqualTo("0502" + "0100");
        assertThat(result.ending()).isEqualTo("connect Ipv4 10.0.0.1:443");
    }

    @Test
    void feed_authNotRequiredAndEmptyUsername_stillAccepted() {
        Result result = runAllSplits(Socks5Admission.OPEN, hex("05 01 02  01 00 00" + CONNECT_10_0_0_1_443));

        assertThat(result.written()).isEqualTo("0502" + "0100");
        assertThat(result.ending()).isEqualTo("connect Ipv4 10.0.0.1:443");
    }

    @Test
    void feed_bytesArrivingWhileVerdictPending_areKeptForTheRequest() {
        Socks5ServerHandshake handshake = new Socks5ServerHandshake(Socks5Admission.AUTHENTICATE);
        Socks5ServerStep verify = handshake.feed(Buffer.buffer(hex("05 01 02" + credentials("bob", "pw"))));

        Socks5ServerStep whileWaiting = handshake.feed(Buffer.buffer(hex(CONNECT_10_0_0_1_443 + "cafe")));
        Socks5ServerStep afterVerdict = handshake.credentialsAccepted();

        assertThat(verify).isEqualTo(new Socks5ServerStep.VerifyCredentials(Buffer.buffer(hex("0502")), "bob", "pw"));
        assertThat(verify.toString()).doesNotContain("pw");
        assertThat(whileWaiting).isEqualTo(new Socks5ServerStep.Continue(Buffer.buffer()));
        assertThat(hexOf(afterVerdict.toWrite())).isEqualTo("0100");
        assertThat(afterVerdict).isInstanceOf(Socks5ServerStep.Connect.class);
        assertThat(hexOf(handshake.takeRemaining())).isEqualTo("cafe");
    }

    // ---- refused clients ([PRX-083]) ------------------------------------------------------------------------------

    @Test
    void feed_refusedClientOfferingNoAuth_readsRequestThenAnswersNotAllowed() {
        Result result = runAllSplits(Socks5Admission.REFUSED, hex("05 02 02 00" + CONNECT_10_0_0_1_443));

        assertThat(result.written()).isEqualTo("0500" + "0502" + FAILURE_TAIL);
        assertThat(result.ending()).isEqualTo("reply+close CLIENT_REFUSED CONNECT '10.0.0.1' 443");
    }

    @Test
    void feed_refusedClientOfferingOnlyPassword_acceptsCredentialsUncheckedThenAnswersNotAllowed() {
        String exchange = "05 01 02" + credentials("mallory", "guess") + connectDomain("example.com", 443);

        Result result = runAllSplits(Socks5Admission.REFUSED, hex(exchange));

        assertThat(result.verified()).isEmpty();
        assertThat(result.written()).isEqualTo("0502" + "0100" + "0502" + FAILURE_TAIL);
        assertThat(result.ending()).isEqualTo("reply+close CLIENT_REFUSED CONNECT 'example.com' 443");
    }

    @Test
    void feed_refusedClientWithUnsupportedCommand_answersNotAllowedAndRecordsTheCommand() {
        Result result = runAllSplits(Socks5Admission.REFUSED, hex(NO_AUTH_GREETING + "05020001 0a000001 01bb"));

        assertThat(result.written()).isEqualTo("0500" + "0502" + FAILURE_TAIL); // [PRX-083], not 0x07
        assertThat(result.ending()).isEqualTo("reply+close CLIENT_REFUSED BIND '10.0.0.1' 443");
    }

    @Test
    void feed_refusedClientWithInvalidName_answersNotAllowed() {
        Result result = runAllSplits(Socks5Admission.REFUSED, hex(NO_AUTH_GREETING + connectDomain("a..b", 443)));

        assertThat(result.written()).isEqualTo("0500" + "0502" + FAILURE_TAIL); // not 0x01
        assertThat(result.ending()).isEqualTo("reply+close CLIENT_REFUSED CONNECT 'a..b' 443");
    }

    @Test
    void feed_refusedClientWithUnknownAddressType_answersNotAllowed() {
        Result result = runAllSplits(Socks5Admission.REFUSED, hex(NO_AUTH_GREETING + "05010005 0102030405 0050"));

        assertThat(result.written()).isEqualTo("0500" + "0502" + FAILURE_TAIL); // not 0x08
        assertThat(result.ending()).isEqualTo("reply+close CLIENT_REFUSED CONNECT '' 0");
    }

    // ---- request ([PRX-074], [PRX-075]) ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "05010001 c0000201 0050,                                 connect Ipv4 192.0.2.1:80",
            "05010004 20010db8000000000000000000000010 01bb,         connect Ipv6 [2001:db8::10]:443",
            "05010004 00000000000000000000ffffc0000201 01bb,         connect Ipv4 192.0.2.1:443",
            "05010004 00000000000000000000000000000001 ffff,         connect Ipv6 [::1]:65535",
    })
    void feed_ipDestination_connectsToThatAddress(String request, String expected) {
        Result result = runAllSplits(Socks5Admission.OPEN, hex(NO_AUTH_GREETING + request));

        assertThat(result.written()).isEqualTo("0500");
        assertThat(result.ending()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource({
            "example.com,              connect DomainName example.com:443",
            "Intranet.Corp.,           connect DomainName Intranet.Corp:443",
            "a_b-c.example,            connect DomainName a_b-c.example:443",
            "localhost,                connect DomainName localhost:443",
            "10.0.0.1,                 connect Ipv4 10.0.0.1:443",
            "10.0.0.1.,                connect Ipv4 10.0.0.1:443",
            "2001:DB8::1,              connect Ipv6 [2001:db8::1]:443",
            "::ffff:192.0.2.1,         connect Ipv4 192.0.2.1:443",
            "1.2.3,                    connect DomainName 1.2.3:443",
    })
    void feed_nameDestination_staysANameUnlessItIsAnIpLiteral(String name, String expected) {
        Result result = runAllSplits(Socks5Admission.OPEN, hex(NO_AUTH_GREETING + connectDomain(name, 443)));

        assertThat(result.ending()).isEqualTo(expected);
    }

    @Test
    void feed_longestValidName_isAccepted() {
        String label = "a".repeat(63);
        String name = label + "." + label + "." + label + "." + "b".repeat(61);       // 255 bytes

        Result result = runAllSplits(Socks5Admission.OPEN, hex(NO_AUTH_GREETING + connectDomain(name, 443)));

        assertThat(result.ending()).isEqualTo("connect DomainName " + name + ":443");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a..b", ".example.com", "exa mple.com", "exa$mple.com", "[::1]",
            "2001:db8::1::2", "example.com..", "ex\u00e4mple.com", "\u0000", "a:b"})
    void feed_invalidName_answersGeneralFailure(String name) {
        Result result = runAllSplits(Socks5Admission.OPEN, hex(NO_AUTH_GREETING + connectDomain(name, 443)));

        assertThat(result.written()).isEqualTo("0500" + "0501" + FAILURE_TAIL);
        assertThat(result.ending()).startsWith("reply+close INVALID_DESTINATION CONNECT '").endsWith("' 443");
    }

    @Test
    void feed_labelOf64Bytes_answersGeneralFailure() {
        Result result = runAllSplits(Socks5Admission.OPEN,
                hex(NO_AUTH_GREETING + connectDomain("a".repeat(64) + ".example", 443)));

        assertThat(result.ending()).startsWith("reply+close INVALID_DESTINATION");
    }

    @Test
    void feed_invalidNameWithControlBytes_recordsItPrintably() {
        Result result = runAllSplits(Socks5Admission.OPEN, hex(NO_AUTH_GREETING + "05010003 03 610a62 01bb"));

        assertThat(result.ending()).isEqualTo("reply+close INVALID_DESTINATION CONNECT 'a?b' 443");
    }

    @Test
    void feed_portZero_answersGeneralFailure() {
        Result result = runAllSplits(Socks5Admission.OPEN, hex(NO_AUTH_GREETING + "05010001 0a000001 0000"));

        assertThat(result.written()).isEqualTo("0500" + "0501" + FAILURE_TAIL);
        assertThat(result.ending()).isEqualTo("reply+close INVALID_DESTINATION CONNECT '10.0.0.1' 0");
    }

    @ParameterizedTest(name = "CMD {0} → {1}")
    @CsvSource({"02, BIND", "03, UDP_ASSOCIATE", "00, CMD_0", "09, CMD_9", "ff, CMD_255"})
    void feed_commandOtherThanConnect_answersCommandNotSupportedAndSurfacesIt(String cmd, String method) {
        Result result = runAllSplits(Socks5Admission.OPEN,
                hex(NO_AUTH_GREETING + "05" + cmd + "0003 0b 6578616d706c652e636f6d 0035"));

        assertThat(result.written()).isEqualTo("0500" + "0507" + FAILURE_TAIL);
        assertThat(result.ending()).isEqualTo("reply+close COMMAND_NOT_SUPPORTED " + method + " 'example.com' 53");
    }

    @Test
    void feed_unknownAddressType_answersAddressTypeNotSupported() {
        Result result = runAllSplits(Socks5Admission.OPEN, hex(NO_AUTH_GREETING + "05010005 0102030405 0050"));

        assertThat(result.written()).isEqualTo("0500" + "0508" + FAILURE_TAIL);
        assertThat(result.ending()).isEqualTo("reply+close ADDRESS_TYPE_NOT_SUPPORTED CONNECT '' 0");
    }

    @Test
    void feed_unknownAddressTypeWithUnsupportedCommand_answersCommandNotSupported() {
        Result result = runAllSplits(Socks5Admission.OPEN, hex(NO_AUTH_GREETING + "05030000 0102"));

        assertThat(result.written()).isEqualTo("0500" + "0507" + FAILURE_TAIL);
        assertThat(result.ending()).isEqualTo("reply+close COMMAND_NOT_SUPPORTED UDP_ASSOCIATE '' 0");
    }

    @Test
    void feed_requestVersionNot5_closesWithoutAnsweringIt() {
        Result result = runAllSplits(Socks5Admission.OPEN, hex(NO_AUTH_GREETING + "04010001 0a000001 01bb"));

        assertThat(result.written()).isEqualTo("0500");
        assertThat(result.ending()).isEqualTo("close MALFORMED_REQUEST");
    }

    @Test
    void feed_reservedByteNonZero_isIgnored() {
        Result result = runAllSplits(Socks5Admission.OPEN, hex(NO_AUTH_GREETING + "0501ff01 0a000001 01bb"));

        assertThat(result.ending()).isEqualTo("connect Ipv4 10.0.0.1:443");
    }

    // ---- early data ([PRX-077]) and byte accounting ([GEN-006]) ---------------------------------------------------

    @Test
    void feed_earlyDataInTheSamePacketAndLater_isKeptInOrder() {
        String clientHello = "160301020001";

        Result result = runAllSplits(Socks5Admission.OPEN,
                hex(NO_AUTH_GREETING + CONNECT_10_0_0_1_443 + clientHello + "0000ff"));

        assertThat(result.ending()).isEqualTo("connect Ipv4 10.0.0.1:443");
        assertThat(result.remaining()).isEqualTo(clientHello + "0000ff");
    }

    @Test
    void takeRemaining_handsOverOnceAndKeepsCollectingLaterBytes() {
        Socks5ServerHandshake handshake = new Socks5ServerHandshake(Socks5Admission.OPEN);
        handshake.feed(Buffer.buffer(hex(NO_AUTH_GREETING + CONNECT_10_0_0_1_443 + "01")));

        assertThat(handshake.bufferedLength()).isEqualTo(1);
        assertThat(hexOf(handshake.takeRemaining())).isEqualTo("01");
        assertThat(handshake.feed(Buffer.buffer(hex("0203"))).toWrite().length()).isZero();
        assertThat(hexOf(handshake.takeRemaining())).isEqualTo("0203");
        assertThat(handshake.takeRemaining().length()).isZero();
    }

    @Test
    void bytesReadAndWritten_countHandshakeBytesAndFinalReplyButNotEarlyData() {
        Socks5ServerHandshake handshake = new Socks5ServerHandshake(Socks5Admission.AUTHENTICATE);
        String greeting = "05 01 02";
        String auth = credentials("alice", "s3cret");
        handshake.feed(Buffer.buffer(hex(greeting + auth)));
        handshake.credentialsAccepted();
        handshake.feed(Buffer.buffer(hex(connectDomain("example.com", 443) + "abcdef")));
        Buffer reply = handshake.successReply(new Socks5Endpoint(Socks5Address.parseHost("192.0.2.7"), 40000));

        long requestLength = 4 + 1 + "example.com".length() + 2;
        assertThat(handshake.bytesRead()).isEqualTo(3 + hex(auth).length + requestLength);
        assertThat(hexOf(reply)).isEqualTo("05000001c00002079c40");
        assertThat(handshake.bytesWritten()).isEqualTo(2 + 2 + 10);
    }

    // ---- final reply and misuse -----------------------------------------------------------------------------------

    @Test
    void failureReply_afterConnect_isExactlyTheSpecBytesAndEndsTheHandshake() {
        Socks5ServerHandshake handshake = connected();

        Buffer reply = handshake.failureReply(Socks5Reply.CONNECTION_REFUSED);

        assertThat(hexOf(reply)).isEqualTo("0505" + FAILURE_TAIL);
        assertThatIllegalStateException().isThrownBy(() -> handshake.feed(Buffer.buffer(hex("00"))));
        assertThatIllegalStateException().isThrownBy(() -> handshake.successReply(Socks5Endpoint.UNSPECIFIED));
    }

    @Test
    void successReply_unbound_isAllZeroAddress() {
        Socks5ServerHandshake handshake = connected();

        assertThat(hexOf(handshake.successReply(Socks5Endpoint.UNSPECIFIED))).isEqualTo("05000001000000000000");
        assertThatIllegalStateException().isThrownBy(() -> handshake.failureReply(Socks5Reply.GENERAL_FAILURE));
    }

    @Test
    void misuse_outOfOrderCalls_areRejected() {
        Socks5ServerHandshake handshake = new Socks5ServerHandshake(Socks5Admission.OPEN);

        assertThatIllegalStateException().isThrownBy(handshake::credentialsAccepted);
        assertThatIllegalStateException().isThrownBy(handshake::credentialsRejected);
        assertThatIllegalStateException().isThrownBy(handshake::takeRemaining);
        assertThatIllegalStateException().isThrownBy(() -> handshake.successReply(Socks5Endpoint.UNSPECIFIED));
        handshake.feed(Buffer.buffer(hex("04")));
        assertThatIllegalStateException().isThrownBy(() -> handshake.feed(Buffer.buffer(hex("05"))));
    }

    private static Socks5ServerHandshake connected() {
        Socks5ServerHandshake handshake = new Socks5ServerHandshake(Socks5Admission.OPEN);
        Socks5ServerStep step = handshake.feed(Buffer.buffer(hex(NO_AUTH_GREETING + CONNECT_10_0_0_1_443)));
        assertThat(step).isInstanceOf(Socks5ServerStep.Connect.class);
        return handshake;
    }

    // ---- encoding helpers -----------------------------------------------------------------------------------------

    static String credentials(String username, String password) {
        return "01" + lengthPrefixed(username.getBytes(StandardCharsets.UTF_8))
                + lengthPrefixed(password.getBytes(StandardCharsets.UTF_8));
    }

    static String connectDomain(String name, int port) {
        return "05010003" + lengthPrefixed(name.getBytes(StandardCharsets.ISO_8859_1)) + String.format("%04x", port);
    }

    private static String lengthPrefixed(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes.length);
        out.writeBytes(bytes);
        return HexFormat.of().formatHex(out.toByteArray());
    }
}

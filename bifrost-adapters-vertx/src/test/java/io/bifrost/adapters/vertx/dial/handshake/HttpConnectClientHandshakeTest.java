package io.bifrost.adapters.vertx.dial.handshake;

import static io.bifrost.adapters.vertx.dial.handshake.ClientExchange.hexOf;
import static io.bifrost.adapters.vertx.dial.handshake.ClientExchange.runAllSplits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.bifrost.adapters.vertx.dial.handshake.ClientExchange.Result;
import io.bifrost.adapters.vertx.proxy.socks5.Socks5Reply;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpConnectClientHandshakeTest {

    private static final String PROXY = "198.51.100.20:3128";
    private static final TunnelTarget EXAMPLE = new TunnelTarget("example.com", 443);
    private static final String PLAIN_REQUEST = "CONNECT example.com:443 HTTP/1.1\r\n"
            + "Host: example.com:443\r\n"
            + "User-Agent: bifrost/1.4.0\r\n"
            + "\r\n";

    private static Supplier<UpstreamHandshake> plain() {
        return () -> new HttpConnectClientHandshake(PROXY, EXAMPLE, "1.4.0", null);
    }

    // ---- the request ([BKD-032]) ----------------------------------------------------------------------------------

    @Test
    void start_withCredentials_writesExactlyTheSpecRequest() {
        var handshake = new HttpConnectClientHandshake(PROXY, EXAMPLE, "1.4.0",
                new UpstreamCredentials("alice", "s3cret"));

        assertThat(handshake.start().toString(StandardCharsets.US_ASCII)).isEqualTo("""
                CONNECT example.com:443 HTTP/1.1\r
                Host: example.com:443\r
                Proxy-Authorization: Basic YWxpY2U6czNjcmV0\r
                User-Agent: bifrost/1.4.0\r
                \r
                """);
        assertThat(handshake.bytesWritten()).isEqualTo(PLAIN_REQUEST.length() + 45);   // the Proxy-Authorization line
    }

    @Test
    void start_withoutCredentials_omitsProxyAuthorization() {
        assertThat(plain().get().start().toString(StandardCharsets.US_ASCII)).isEqualTo(PLAIN_REQUEST);
    }

    @Test
    void start_ipv6Target_isBracketedInRequestLineAndHost() {
        var handshake = new HttpConnectClientHandshake(PROXY, new TunnelTarget("[2001:DB8::10]", 8443), "2.0.0", null);

        assertThat(handshake.start().toString(StandardCharsets.US_ASCII))
                .startsWith("CONNECT [2001:db8::10]:8443 HTTP/1.1\r\nHost: [2001:db8::10]:8443\r\n");
    }

    @Test
    void start_nonAsciiCredentials_areEncodedAsUtf8() {
        var handshake = new HttpConnectClientHandshake(PROXY, EXAMPLE, "1.4.0",
                new UpstreamCredentials("jürgen", "pässwört"));

        assertThat(handshake.start().toString(StandardCharsets.US_ASCII))
                .contains("Proxy-Authorization: Basic " + java.util.Base64.getEncoder()
                        .encodeToString("jürgen:pässwört".getBytes(StandardCharsets.UTF_8)) + "\r\n");
    }

    @Test
    void constructor_invalidArguments_areRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpConnectClientHandshake(PROXY, EXAMPLE, "1.4.0",
                new UpstreamCredentials("al:ice", "x"))).withMessageContaining("al:ice");
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpConnectClientHandshake(PROXY, EXAMPLE,
                "1.4.0\r\nX-Evil: 1", null));
        assertThatIllegalArgumentException().isThrownBy(() -> new TunnelTarget("example.com\r\nX: y", 443));
        assertThatIllegalArgumentException().isThrownBy(() -> new TunnelTarget("example.com", 0));
    }

    // ---- success ([PRX-054]) --------------------------------------------------------------------------------------

    @Test
    void feed_200_establishesWithoutLeftover() {
        Result result = runAllSplits(plain(), "HTTP/1.1 200 Connection established\r\n\r\n");

        assertThat(result.written()).isEqualTo(hexOf(PLAIN_REQUEST));
        assertThat(result.ending()).isEqualTo("established http 200");
        assertThat(result.leftover()).isEmpty();
    }

    @Test
    void feed_bytesAfterTheHead_areLeftoverTunnelBytes() {
        Result result = runAllSplits(plain(), "HTTP/1.0 200 OK\r\nVia: 1.1 squid\r\n\r\nSSH-2.0-OpenSSH_9.6\r\n");

        assertThat(result.ending()).isEqualTo("established http 200");
        assertThat(result.leftover()).isEqualTo(hexOf("SSH-2.0-OpenSSH_9.6\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 204\r\n\r\n", "HTTP/1.1 299 Whatever\r\n\r\n", "HTTP/1.1 200 OK\n\n",
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\n\r\n"})
    void feed_any2xx_isSuccess(String response) {
        Result result = runAllSplits(plain(), response);

        assertThat(result.ending()).startsWith("established http 2");
        assertThat(result.leftover()).isEmpty();
    }

    @Test
    void bytesRead_countsTheHeadButNotLeftover() {
        var handshake = plain().get();
        handshake.start();
        String head = "HTTP/1.1 200 Connection established\r\n\r\n";

        handshake.feed(Buffer.buffer(head + "tunnel"));

        assertThat(handshake.bytesRead()).isEqualTo(head.length());
    }

    // ---- refusals -------------------------------------------------------------------------------------------------

    @Test
    void feed_403_isUpstreamProxyErrorNamingStatusAndKeepingTheResponse() {
        String body = "Bifrost: no route";
        Result result = runAllSplits(plain(), "HTTP/1.1 403 Forbidden\r\n"
                + "X-Bifrost-Error: no_route\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "\r\n"
                + body);

        assertThat(result.ending())
                .isEqualTo("failed PROXY_ERROR: upstream proxy 198.51.100.20:3128 answered 403 Forbidden");
        UpstreamHandshakeException failure = result.failure();
        assertThat(failure.errorCode()).isEqualTo("upstream_proxy_error");
        assertThat(failure.replyForSocks5Client()).isEqualTo(Socks5Reply.GENERAL_FAILURE);
        UpstreamHttpResponse response = failure.httpResponse().orElseThrow();
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("x-bifrost-error")).contains("no_route");
        assertThat(response.body().toString()).isEqualTo(body);
    }

    @Test
    void feed_407_isUpstreamAuthFailed() {
        Result result = runAllSplits(plain(), "HTTP/1.1 407 Proxy Authentication Required\r\n"
                + "Proxy-Authenticate: Basic realm=\"x\"\r\n"
                + "Content-Length: 0\r\n\r\n");

        assertThat(result.failure().kind()).isEqualTo(HandshakeFailureKind.AUTH_FAILED);
        assertThat(result.failure().errorCode()).isEqualTo("upstream_auth_failed");
        assertThat(result.failure().getMessage())
                .isEqualTo("upstream proxy 198.51.100.20:3128 answered 407 Proxy Authentication Required");
        assertThat(result.failure().httpResponse().orElseThrow().headers())
                .containsExactly(Map.entry("Proxy-Authenticate", "Basic realm=\"x\""),
                        Map.entry("Content-Length", "0"));
    }

    @Test
    void feed_refusalWithoutContentLength_failsAtOnceKeepingWhatArrived() {
        var handshake = plain().get();
        handshake.start();

        UpstreamHandshakeStep step = handshake.feed(Buffer.buffer("HTTP/1.1 502\r\n\r\npartial"));

        UpstreamHandshakeException failure = ((UpstreamHandshakeStep.Failed) step).failure();
        assertThat(failure.getMessage()).isEqualTo("upstream proxy 198.51.100.20:3128 answered 502");
        assertThat(failure.httpResponse().orElseThrow().body().toString()).isEqualTo("partial");
    }

    @Test
    void connectionLost_whileReadingRefusalBody_stillReportsTheRefusal() {
        var handshake = plain().get();
        handshake.start();
        handshake.feed(Buffer.buffer("HTTP/1.1 503 Busy\r\nContent-Length: 100\r\n\r\nshort"));

        UpstreamHandshakeException failure = handshake.connectionLost(null);

        assertThat(failure.kind()).isEqualTo(HandshakeFailureKind.PROXY_ERROR);
        assertThat(failure.httpResponse().orElseThrow().body().toString()).isEqualTo("short");
    }

    // ---- garbage and lost connections -----------------------------------------------------------------------------

    @Test
    void feed_notHttp_isProtocolViolationAtTheFirstWrongByte() {
        var handshake = plain().get();
        handshake.start();

        UpstreamHandshakeStep step = handshake.feed(Buffer.buffer(new byte[] {0x05}));

        UpstreamHandshakeException failure = ((UpstreamHandshakeStep.Failed) step).failure();
        assertThat(failure.kind()).isEqualTo(HandshakeFailureKind.PROTOCOL_VIOLATION);
        assertThat(failure.errorCode()).isEqualTo("upstream_proxy_error");
        assertThat(failure.getMessage()).contains("198.51.100.20:3128").contains("with HTTP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 abc\r\n\r\n", "HTTP/11 200 OK\r\n\r\n",
            "HTTP/1.1 099 Low\r\n\r\n", "HTTP/1.1  200 OK\r\n\r\n"})
    void feed_malformedStatusLine_isProtocolViolation(String response) {
        Result result = runAllSplits(plain(), response);

        assertThat(result.ending()).startsWith("failed PROTOCOL_VIOLATION: upstream proxy 198.51.100.20:3128 "
                + "sent a malformed status line");
    }

    @Test
    void feed_headLongerThan16KiB_isProtocolViolation() {
        var handshake = plain().get();
        handshake.start();
        String filler = "X-Filler: " + "a".repeat(HttpConnectClientHandshake.MAX_HEAD_BYTES) + "\r\n";

        UpstreamHandshakeStep step = handshake.feed(Buffer.buffer("HTTP/1.1 200 OK\r\n" + filler));

        assertThat(step).isInstanceOf(UpstreamHandshakeStep.Failed.class);
        assertThat(((UpstreamHandshakeStep.Failed) step).failure().getMessage()).contains("longer than 16384 bytes");
    }

    @Test
    void feed_headOfExactly16KiB_isAccepted() {
        var handshake = plain().get();
        handshake.start();
        String start = "HTTP/1.1 200 OK\r\nX-Filler: ";
        String head = start + "a".repeat(HttpConnectClientHandshake.MAX_HEAD_BYTES - start.length() - 4) + "\r\n\r\n";

        UpstreamHandshakeStep step = handshake.feed(Buffer.buffer(head + "more"));

        assertThat(head).hasSize(HttpConnectClientHandshake.MAX_HEAD_BYTES);
        assertThat(step).isInstanceOf(UpstreamHandshakeStep.Established.class);
        assertThat(((UpstreamHandshakeStep.Established) step).result().leftover().toString()).isEqualTo("more");
    }

    @Test
    void connectionLost_beforeAnyAnswer_isConnectionLost() {
        var handshake = plain().get();
        handshake.start();
        handshake.feed(Buffer.buffer("HTTP/1.1 200 OK\r\n"));

        UpstreamHandshakeException failure = handshake.connectionLost(new IOException("Connection reset by peer"));

        assertThat(failure.kind()).isEqualTo(HandshakeFailureKind.CONNECTION_LOST);
        assertThat(failure.errorCode()).isEqualTo("upstream_proxy_error");
        assertThat(failure.getCause()).hasMessage("Connection reset by peer");
        assertThat(failure.getMessage()).contains("198.51.100.20:3128").contains("example.com:443");
    }

    @Test
    void misuse_feedBeforeStartOrAfterTheEnd_isRejected() {
        var handshake = plain().get();
        assertThatIllegalStateException().isThrownBy(() -> handshake.feed(Buffer.buffer("HTTP/1.1")));
        handshake.start();
        assertThatIllegalStateException().isThrownBy(handshake::start);
        handshake.feed(Buffer.buffer("HTTP/1.1 200 OK\r\n\r\n"));
        assertThatIllegalStateException().isThrownBy(() -> handshake.feed(Buffer.buffer("x")));
    }
}

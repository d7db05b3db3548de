package io.bifrost.adapters.vertx.dial;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.traffic.ErrorCode;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.resolver.dns.DnsNameResolverTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What TCP connects and DNS lookups throw, as the JDK and Netty (NIO and epoll) word it, mapped to the codes of
 * [BKD-035] and the SOCKS5 replies of [PRX-100]. The classifier partly reads exception messages, so each wording that
 * reaches it is pinned here.
 */
class ConnectFailuresTest {
    private static final String PEER = "\"example.com:443\"";

    static Stream<Arguments> connectFailures() {
        return Stream.of(
                Arguments.of(new ConnectTimeoutException("connection timed out after 30000 ms: example.com/1.2.3.4:443"),
                        ErrorCode.CONNECTION_TIMEOUT, DialFailure.NO_SOCKS_REPLY),
                Arguments.of(io.netty.handler.timeout.ReadTimeoutException.INSTANCE,
                        ErrorCode.CONNECTION_TIMEOUT, DialFailure.NO_SOCKS_REPLY),
                Arguments.of(new java.util.concurrent.TimeoutException(), ErrorCode.CONNECTION_TIMEOUT,
                        DialFailure.NO_SOCKS_REPLY),
                Arguments.of(new IOException("connect(..) failed: Connection timed out"), ErrorCode.CONNECTION_TIMEOUT,
                        DialFailure.NO_SOCKS_REPLY),
                Arguments.of(new ConnectException("Connection refused"), ErrorCode.CONNECTION_REFUSED,
                        DialFailure.NO_SOCKS_REPLY),
                Arguments.of(new ConnectException("Connection refused: /127.0.0.1:1"), ErrorCode.CONNECTION_REFUSED,
                        DialFailure.NO_SOCKS_REPLY),
                Arguments.of(new IOException("connect(..) failed: Network is unreachable"),
                        ErrorCode.DESTINATION_UNREACHABLE, ConnectFailures.SOCKS_NETWORK_UNREACHABLE),
                Arguments.of(new NoRouteToHostException("No route to host"), ErrorCode.DESTINATION_UNREACHABLE,
                        ConnectFailures.SOCKS_HOST_UNREACHABLE),
                Arguments.of(new IOException("connect(..) failed: Host is unreachable"),
                        ErrorCode.DESTINATION_UNREACHABLE, ConnectFailures.SOCKS_HOST_UNREACHABLE),
                Arguments.of(new ConnectException("Cannot assign requested address"),
                        ErrorCode.DESTINATION_UNREACHABLE, ConnectFailures.SOCKS_HOST_UNREACHABLE),
                Arguments.of(new IOException(), ErrorCode.DESTINATION_UNREACHABLE,
                        ConnectFailures.SOCKS_HOST_UNREACHABLE),
                Arguments.of(new IllegalStateException("a bug"), ErrorCode.INTERNAL_ERROR,
                        DialFailure.NO_SOCKS_REPLY));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("connectFailures")
    void classify_connectFailure_mapsToItsCodeAndSocksReply(Throwable thrown, ErrorCode code, int socksReply) {
        DialFailure failure = ConnectFailures.classify(thrown, PEER);

        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.socksReply()).isEqualTo(socksReply);
        assertThat(failure.detail()).contains(PEER); // [PRX-048]: the message names the destination
        assertThat(failure.refusedByUpstream()).isFalse();
    }

    @Test
    void classify_alreadyClassified_isKept() {
        DialFailure upstream = DialFailure.refusedByUpstream(ErrorCode.UPSTREAM_AUTH_FAILED, "rejected", 0x01, null);

        assertThat(ConnectFailures.classify(upstream, PEER)).isSameAs(upstream);
    }

    @Test
    void classifyLookup_unknownHost_isDnsError() {
        DialFailure failure = ConnectFailures.classifyLookup(
                new UnknownHostException("Failed to resolve 'nothing.invalid'"), "nothing.invalid");

        assertThat(failure.code()).isEqualTo(ErrorCode.DNS_ERROR);
        assertThat(failure.detail()).isEqualTo("cannot resolve host \"nothing.invalid\"");
    }

    @Test
    void classifyLookup_queryTimeoutWrappedInUnknownHost_isDnsTimeout() {
        UnknownHostException wrapped = new UnknownHostException("Failed to resolve 'slow.example'");
        wrapped.initCause(new DnsNameResolverTimeoutException(new InetSocketAddress("10.0.0.53", 53),
                new DefaultDnsQuestion("slow.example.", DnsRecordType.A), "query timed out after 5000 milliseconds"));

        DialFailure failure = ConnectFailures.classifyLookup(wrapped, "slow.example");

        assertThat(failure.code()).isEqualTo(ErrorCode.DNS_TIMEOUT);
        assertThat(failure.detail()).isEqualTo("DNS lookup of \"slow.example\" timed out");
    }

    @Test
    void classifyLookup_otherFailure_isDnsErrorWithItsReason() {
        DialFailure failure = ConnectFailures.classifyLookup(new IllegalStateException("resolver closed"),
                "example.com");

        assertThat(failure.code()).isEqualTo(ErrorCode.DNS_ERROR);
        assertThat(failure.detail()).isEqualTo("cannot resolve host \"example.com\": resolver closed");
    }
}

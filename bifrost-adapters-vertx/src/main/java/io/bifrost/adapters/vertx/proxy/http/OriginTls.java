package io.bifrost.adapters.vertx.proxy.http;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.DialTarget;
import io.bifrost.adapters.vertx.net.StreamSocket;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.net.NetSocketInternal;
import java.security.cert.CertificateException;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS from Bifrost to an origin for {@code https://} absolute-form requests ([PRX-022]): SNI with the host name (none
 * for IP literals), the certificate chain verified against a trust store (the runtime's default unless an embedder
 * supplies one) and the host name verified (RFC 9110 §4.3.4). The TLS peer is always the destination, also when the
 * bytes travel through an upstream proxy, so the handler is installed here rather than with Vert.x's socket upgrade
 * (which would verify the name of the socket's remote address). Immutable and thread-safe.
 */
public final class OriginTls {
    private final SslContext context;

    private OriginTls(SslContext context) {
        this.context = context;
    }

    /** Verifies origins against the runtime's default trust store. */
    public static OriginTls systemDefault() {
        return build(SslContextBuilder.forClient());
    }

    /** Verifies origins against {@code trust}, e.g. a test origin's self-signed certificate. */
    public static OriginTls trusting(TrustManagerFactory trust) {
        return build(SslContextBuilder.forClient().trustManager(requireNonNull(trust, "trust")));
    }

    /** Verifies origins with {@code trust}, e.g. a test origin's trust manager. */
    public static OriginTls trusting(javax.net.ssl.TrustManager trust) {
        return build(SslContextBuilder.forClient().trustManager(requireNonNull(trust, "trust")));
    }

    private static OriginTls build(SslContextBuilder builder) {
        try {
            return new OriginTls(builder.build());
        } catch (SSLException e) {
            throw new IllegalStateException("origin TLS: cannot build the client context", e);
        }
    }

    /** Runs the handshake on a connected socket; completes when application data may flow. */
    Future<Void> handshake(StreamSocket socket, DialTarget target) {
        Channel channel = ((NetSocketInternal) socket.netSocket()).channelHandlerContext().channel();
        SslHandler handler = context.newHandler(ByteBufAllocator.DEFAULT, target.host().text(), target.port());
        SSLEngine engine = handler.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setServerNames(target.host().isName() ? List.of(new SNIHostName(target.host().text())) : List.of());
        engine.setSSLParameters(parameters);
        Promise<Void> done = Promise.promise();
        channel.eventLoop().execute(() -> {
            channel.pipeline().addFirst("ssl", handler);
            handler.handshakeFuture().addListener(f -> {
                if (f.isSuccess()) {
                    done.complete();
                } else {
                    done.fail(f.cause());
                }
            });
        });
        return done.future();
    }

    /** A short reason for {@code tls_error} messages. */
    static String describe(Throwable failure) {
        CertificateException certificate = certificateProblem(failure);
        return certificate != null ? "certificate not trusted (" + certificate.getMessage() + ")"
                : String.valueOf(failure.getMessage());
    }

    /**
     * Whether the handshake failed because the origin's certificate was rejected: an untrusted chain, a name that
     * does not match, an expired certificate ([PRX-100] {@code tls_certificate_error}); else it is a protocol failure.
     */
    static boolean isCertificateProblem(Throwable failure) {
        return certificateProblem(failure) != null;
    }

    private static CertificateException certificateProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateException c) {
                return c;
            }
        }
        return null;
    }
}

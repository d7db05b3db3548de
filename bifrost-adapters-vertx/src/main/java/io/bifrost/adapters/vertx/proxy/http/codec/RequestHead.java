package io.bifrost.adapters.vertx.proxy.http.codec;

import static java.util.Objects.requireNonNull;

import io.vertx.core.MultiMap;

/**
 * A decoded request head ({@code method SP request-target SP HTTP-version}, RFC 9112 §3).
 *
 * @param method    the method token, case-sensitive, as received (any token; the proxy forwards unknown methods)
 * @param target    the request-target as received; classify it with {@link RequestTarget#parse(String, String)}
 * @param version   the request's HTTP version
 * @param headers   the header fields, see {@link Http1Head}
 * @param framing   the request body framing; always {@link BodyFraming.Type#NONE} for {@code CONNECT} ([PRX-050])
 * @param headBytes see {@link Http1Head#headBytes()}
 */
public record RequestHead(
        String method, String target, Http1Version version, MultiMap headers, BodyFraming framing, int headBytes)
        implements Http1Head {

    public RequestHead {
        requireNonNull(method, "method");
        requireNonNull(target, "target");
        requireNonNull(version, "version");
        requireNonNull(headers, "headers");
        requireNonNull(framing, "framing");
    }

    /** True for {@code CONNECT}: after this head every further byte on the connection is tunnel data ([PRX-053]). */
    public boolean isConnect() {
        return method.equals("CONNECT");
    }
}

package io.bifrost.adapters.vertx.proxy.http;

import io.bifrost.adapters.vertx.dial.DialFailure;
import io.bifrost.adapters.vertx.dial.handshake.UpstreamHttpResponse;
import io.bifrost.adapters.vertx.proxy.FailureMapping;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Encoder;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Version;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Map;
import java.util.Optional;

/**
 * An upstream's refusal of {@code CONNECT} passed on to the local HTTP client as the client program must ([PRX-124]):
 * status, reason, {@code X-Bifrost-Error}, {@code Proxy-Status} and body unchanged, framed by {@code Content-Length}
 * and {@code Connection: close}. Hop-by-hop fields go as [PRX-040] says, {@code Proxy-Authenticate} included: it is
 * addressed to the client program, whose own listener asks for no credentials ([PRX-120]). Stateless.
 */
final class RelayedRefusal {
    private RelayedRefusal() {}

    /** {@code failure} when it carries a response to relay ({@link DialFailure#relay()}). */
    static Optional<DialFailure> of(Throwable failure) {
        if (failure instanceof DialFailure d && d.relay() && d.upstreamResponse().isPresent()) {
            return Optional.of(d);
        }
        return Optional.empty();
    }

    /**
     * @param http10 the local client spoke HTTP/1.0
     * @param headOnly a response to {@code HEAD}: the same head, no body
     */
    static Buffer encode(UpstreamHttpResponse response, boolean http10, boolean headOnly) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> field : response.headers()) {
            headers.add(field.getKey(), field.getValue());
        }
        HopByHop.stripResponse(headers);
        headers.remove("content-length");
        headers.set("Content-Length", Integer.toString(response.body().length()));
        headers.set("Connection", "close");
        String reason = response.reason().isEmpty() ? FailureMapping.reasonPhrase(response.status())
                : response.reason();
        Buffer out = Http1Encoder.responseHead(http10 ? Http1Version.HTTP_1_0 : Http1Version.HTTP_1_1,
                response.status(), reason, headers);
        return headOnly ? out : out.appendBuffer(response.body());
    }
}

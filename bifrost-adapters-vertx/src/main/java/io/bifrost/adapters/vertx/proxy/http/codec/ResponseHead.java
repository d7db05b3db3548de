package io.bifrost.adapters.vertx.proxy.http.codec;

import static java.util.Objects.requireNonNull;

import io.vertx.core.MultiMap;

/**
 * A decoded response head ({@code HTTP-version SP status-code SP [reason-phrase]}, RFC 9112 §4).
 *
 * @param version   the response's HTTP version
 * @param status    the three-digit status code, 100-999
 * @param reason    the reason phrase as received (may be empty)
 * @param headers   the header fields, see {@link Http1Head}
 * @param framing   the response body framing
 * @param headBytes see {@link Http1Head#headBytes()}
 */
public record ResponseHead(
        Http1Version version, int status, String reason, MultiMap headers, BodyFraming framing, int headBytes)
        implements Http1Head {

    public ResponseHead {
        requireNonNull(version, "version");
        requireNonNull(reason, "reason");
        requireNonNull(headers, "headers");
        requireNonNull(framing, "framing");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status: " + status + " (expected: 100-999)");
        }
    }

    /**
     * True for an interim response (1xx other than 101, RFC 9110 §15.2): the final response to the same request
     * follows, and the decoder goes on decoding it without {@code onMessageEnd} or {@code resume()}.
     */
    public boolean isInformational() {
        return status < 200 && status != 101;
    }
}

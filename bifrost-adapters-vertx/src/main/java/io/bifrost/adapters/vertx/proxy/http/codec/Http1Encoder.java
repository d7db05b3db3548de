package io.bifrost.adapters.vertx.proxy.http.codec;

import static java.util.Objects.requireNonNull;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * Builds HTTP/1.1 wire bytes: heads, chunks and the last chunk (RFC 9112). Stateless and thread-safe. Each method
 * allocates one exactly-sized {@link Buffer}. Text is written as ISO-8859-1, the inverse of {@link Http1Decoder}, so
 * decoded fields (obs-text included) pass through unchanged.
 *
 * <p>Arguments are checked, since a CR or LF in a value would split the message (response splitting): an invalid
 * method, target, status, reason, field name or value is a bug and throws {@link IllegalArgumentException}.
 */
public final class Http1Encoder {

    private static final Buffer EMPTY_LAST_CHUNK = Buffer.buffer("0\r\n\r\n");

    private Http1Encoder() {}

    /**
     * {@code method SP target SP version CRLF *(field-line CRLF) CRLF}.
     *
     * @param target the request-target as it goes on the wire, e.g. the origin-form {@code /a?b=1} ([PRX-021])
     */
    public static Buffer requestHead(String method, String target, Http1Version version, MultiMap headers) {
        requireNonNull(method, "method");
        requireNonNull(target, "target");
        requireNonNull(version, "version");
        requireNonNull(headers, "headers");
        if (!HttpChars.isToken(method)) {
            throw new IllegalArgumentException("method: " + method + " (expected: a token)");
        }
        if (target.isEmpty() || !target.chars().allMatch(c -> HttpChars.isVchar((char) c))) {
            throw new IllegalArgumentException("target: " + target + " (expected: visible ASCII, no spaces)");
        }
        int size = method.length() + 1 + target.length() + 1 + version.text().length() + 2 + fieldsSize(headers) + 2;
        Buffer out = Buffer.buffer(size);
        appendText(out, method).appendByte((byte) ' ');
        appendText(out, target).appendByte((byte) ' ');
        appendText(out, version.text()).appendByte((byte) '\r').appendByte((byte) '\n');
        return appendFields(out, headers).appendByte((byte) '\r').appendByte((byte) '\n');
    }

    /** {@code version SP status SP reason CRLF *(field-line CRLF) CRLF}; {@code reason} may be empty. */
    public static Buffer responseHead(Http1Version version, int status, String reason, MultiMap headers) {
        requireNonNull(version, "version");
        requireNonNull(reason, "reason");
        requireNonNull(headers, "headers");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status: " + status + " (expected: 100-999)");
        }
        if (!HttpChars.isText(reason)) {
            throw new IllegalArgumentException("reason: " + reason + " (expected: no control characters)");
        }
        int size = version.text().length() + 5 + reason.length() + 2 + fieldsSize(headers) + 2;
        Buffer out = Buffer.buffer(size);
        appendText(out, version.text()).appendByte((byte) ' ');
        appendText(out, Integer.toString(status)).appendByte((byte) ' ');
        appendText(out, reason).appendByte((byte) '\r').appendByte((byte) '\n');
        return appendFields(out, headers).appendByte((byte) '\r').appendByte((byte) '\n');
    }

    /** {@code chunk-size(hex) CRLF data CRLF}; copies {@code data}, which must not be empty (that is lastChunk). */
    public static Buffer chunk(Buffer data) {
        requireNonNull(data, "data");
        if (data.length() == 0) {
            throw new IllegalArgumentException("data: empty (expected: at least one byte; see lastChunk())");
        }
        String size = Integer.toHexString(data.length());
        Buffer out = Buffer.buffer(size.length() + 2 + data.length() + 2);
        appendText(out, size).appendByte((byte) '\r').appendByte((byte) '\n');
        return out.appendBuffer(data).appendByte((byte) '\r').appendByte((byte) '\n');
    }

    /** {@code 0 CRLF *(trailer-field CRLF) CRLF}; {@code trailers} may be empty ([PRX-043]: trailers are forwarded). */
    public static Buffer lastChunk(MultiMap trailers) {
        requireNonNull(trailers, "trailers");
        if (trailers.isEmpty()) {
            return EMPTY_LAST_CHUNK.copy();
        }
        Buffer out = Buffer.buffer(3 + fieldsSize(trailers) + 2);
        appendText(out, "0\r\n");
        return appendFields(out, trailers).appendByte((byte) '\r').appendByte((byte) '\n');
    }

    private static int fieldsSize(MultiMap fields) {
        int size = 0;
        for (Map.Entry<String, String> field : fields) {
            checkField(field.getKey(), field.getValue());
            size += field.getKey().length() + 2 + field.getValue().length() + 2;
        }
        return size;
    }

    private static void checkField(String name, String value) {
        if (!HttpChars.isToken(name)) {
            throw new IllegalArgumentException("field name: " + name + " (expected: a token)");
        }
        if (!HttpChars.isText(value)) {
            throw new IllegalArgumentException(
                    "field " + name + ": " + value + " (expected: no CR, LF or other control characters)");
        }
    }

    private static Buffer appendFields(Buffer out, MultiMap fields) {
        for (Map.Entry<String, String> field : fields) {
            appendText(out, field.getKey()).appendByte((byte) ':').appendByte((byte) ' ');
            appendText(out, field.getValue()).appendByte((byte) '\r').appendByte((byte) '\n');
        }
        return out;
    }

    /** ISO-8859-1; callers checked that every char is at most 0xFF. */
    private static Buffer appendText(Buffer out, String text) {
        for (int i = 0; i < text.length(); i++) {
            out.appendByte((byte) text.charAt(i));
        }
        return out;
    }
}

package io.bifrost.adapters.vertx.proxy.http.codec;

import static io.bifrost.adapters.vertx.proxy.http.codec.DecodeException.malformed;

import io.vertx.core.MultiMap;

/**
 * One header or trailer section being decoded: parses field lines (RFC 9112 §5) into an ordered, case-insensitive
 * map that keeps the received name case, and enforces the size and count limits ([PRX-023]).
 */
final class FieldSection {

    private final Http1Limits limits;
    private final String what;
    private final MultiMap fields = MultiMap.caseInsensitiveMultiMap();
    private int count;
    private int bytes;

    /** {@code what} names the section in messages: "header" or "trailer". */
    FieldSection(Http1Limits limits, String what) {
        this.limits = limits;
        this.what = what;
    }

    /** Most content bytes the next line may have without the section going over its limit. */
    int lineBudget() {
        return Math.max(0, limits.maxHeaderSectionBytes() - bytes);
    }

    String tooLargeMessage() {
        return what + " section too large";
    }

    void add(String line, int rawLength) {
        account(rawLength);
        if (++count > limits.maxHeaderFields()) {
            throw DecodeException.of(Http1Error.Kind.HEADER_FIELDS_TOO_LARGE, "too many " + what + " fields");
        }
        parseInto(line, count == 1);
    }

    /** Accounts for the empty line that ends the section. */
    void end(int rawLength) {
        account(rawLength);
    }

    MultiMap fields() {
        return fields;
    }

    private void account(int rawLength) {
        bytes += rawLength;
        if (bytes > limits.maxHeaderSectionBytes()) {
            throw DecodeException.of(Http1Error.Kind.HEADER_FIELDS_TOO_LARGE, tooLargeMessage());
        }
    }

    /** {@code field-line = field-name ":" OWS field-value OWS}. */
    private void parseInto(String line, boolean first) {
        if (HttpChars.isWhitespace(line.charAt(0))) {
            // RFC 9112 §5.2 obs-fold, or §2.2 whitespace before the first field: both rejected ([PRX-024])
            throw malformed(first ? "whitespace before the first " + what + " field" : "obsolete line folding");
        }
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw malformed(what + " field without colon");
        }
        String name = line.substring(0, colon);
        checkName(name);
        String value = HttpChars.trimWhitespace(line.substring(colon + 1));
        if (!HttpChars.isText(value)) {
            throw malformed("invalid " + what + " field value");
        }
        fields.add(name, value);
    }

    private void checkName(String name) {
        if (name.isEmpty()) {
            throw malformed("empty " + what + " field name");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!HttpChars.isTchar(name.charAt(i))) {
                // RFC 9112 §5.1: whitespace between name and colon MUST be rejected (a smuggling vector)
                throw malformed(HttpChars.trimWhitespace(name.substring(i)).isEmpty()
                        ? "whitespace before colon in " + what + " field"
                        : "invalid " + what + " field name");
            }
        }
    }
}

package io.bifrost.adapters.vertx.proxy.http.codec;

import static io.bifrost.adapters.vertx.proxy.http.codec.DecodeException.malformed;

/**
 * Parses a chunk-size line, {@code chunk-size [ chunk-ext ]} (RFC 9112 §7.1). Extensions are validated and dropped
 * ([PRX-043]); sloppy extension parsing is a known request-smuggling vector, so the grammar is checked in full.
 */
final class ChunkLines {

    private ChunkLines() {}

    static long parseSize(String line) {
        long size = 0;
        int i = 0;
        while (i < line.length() && hexValue(line.charAt(i)) >= 0) {
            int digit = hexValue(line.charAt(i));
            if (size > (Long.MAX_VALUE - digit) / 16) {
                throw malformed("chunk size too large");
            }
            size = size * 16 + digit;
            i++;
        }
        if (i == 0) {
            throw malformed("malformed chunk size");
        }
        checkExtensions(line, i);
        return size;
    }

    /** {@code chunk-ext = *( BWS ";" BWS ext-name [ BWS "=" BWS ext-val ] )}, ext-val a token or quoted-string. */
    private static void checkExtensions(String line, int from) {
        int i = skipWhitespace(line, from);
        while (i < line.length()) {
            if (line.charAt(i) != ';') {
                throw malformed(i == skipWhitespace(line, from) ? "malformed chunk size" : "malformed chunk extension");
            }
            i = skipWhitespace(line, i + 1);
            int nameEnd = skipToken(line, i);
            if (nameEnd == i) {
                throw malformed("malformed chunk extension");
            }
            i = skipWhitespace(line, nameEnd);
            if (i < line.length() && line.charAt(i) == '=') {
                i = skipWhitespace(line, i + 1);
                int valueEnd = i < line.length() && line.charAt(i) == '"' ? skipQuoted(line, i) : skipToken(line, i);
                if (valueEnd == i) {
                    throw malformed("malformed chunk extension");
                }
                i = skipWhitespace(line, valueEnd);
            }
        }
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static int skipWhitespace(String line, int i) {
        while (i < line.length() && HttpChars.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipToken(String line, int i) {
        while (i < line.length() && HttpChars.isTchar(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index after the closing quote of the quoted-string starting at {@code i} (RFC 9110 §5.6.4). */
    private static int skipQuoted(String line, int i) {
        for (int j = i + 1; j < line.length(); j++) {
            char c = line.charAt(j);
            if (c == '"') {
                return j + 1;
            }
            if (c == '\\') {
                j++;
                if (j == line.length() || !HttpChars.isTextChar(line.charAt(j))) {
                    break;
                }
            } else if (!HttpChars.isTextChar(c)) {
                break;
            }
        }
        throw malformed("malformed chunk extension");
    }
}

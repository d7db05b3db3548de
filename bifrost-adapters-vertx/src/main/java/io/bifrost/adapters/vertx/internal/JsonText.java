package io.bifrost.adapters.vertx.internal;

/**
 * JSON string bodies (RFC 8259 §7) for the line formats that write JSON by hand, the access log
 * ({@code access_log.format: json}) and {@code logging.format: json}, where a per-line Jackson generator would cost
 * more than the line. Stateless.
 */
public final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {}

    /**
     * Appends {@code s} as the body of a JSON string: quote, backslash and control characters escaped (the short forms
     * where RFC 8259 has them, else <code>&#92;u00<i>hh</i></code>); everything else, DEL and non-ASCII included, as is.
     */
    public static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** Appends {@code s} as a JSON string, quotes included; returns {@code out}. */
    public static StringBuilder quote(String s, StringBuilder out) {
        out.append('"');
        escape(s, out);
        return out.append('"');
    }
}

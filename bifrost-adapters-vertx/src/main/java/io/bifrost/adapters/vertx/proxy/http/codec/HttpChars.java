package io.bifrost.adapters.vertx.proxy.http.codec;

/** Character classes of RFC 9110 §5.6 and RFC 9112, over ISO-8859-1 chars (one char per received byte). */
final class HttpChars {

    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[Character.toUpperCase(c)] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private HttpChars() {}

    /** {@code tchar} of RFC 9110 §5.6.2. */
    static boolean isTchar(char c) {
        return c < 128 && TCHAR[c];
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** SP / HTAB, the {@code OWS} and {@code BWS} characters. */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** Allowed inside a field value or reason phrase: HTAB, SP, VCHAR, obs-text (RFC 9110 §5.5, RFC 9112 §4). */
    static boolean isTextChar(char c) {
        return c == '\t' || (c >= 0x20 && c != 0x7F && c <= 0xFF);
    }

    static boolean isText(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isTextChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** VCHAR: what a request-target may contain on the wire (RFC 9112 §3.2; non-ASCII must be percent-encoded). */
    static boolean isVchar(char c) {
        return c > 0x20 && c < 0x7F;
    }

    /** {@code s} without leading and trailing SP/HTAB. */
    static String trimWhitespace(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }
}

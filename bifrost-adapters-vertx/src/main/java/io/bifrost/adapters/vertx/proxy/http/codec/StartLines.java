package io.bifrost.adapters.vertx.proxy.http.codec;

import static io.bifrost.adapters.vertx.proxy.http.codec.DecodeException.malformed;

/** Parsers of the request line (RFC 9112 §3) and the status line (RFC 9112 §4). Strict: single SPs, exact version. */
final class StartLines {

    record RequestLine(String method, String target, Http1Version version) {}

    record StatusLine(Http1Version version, int status, String reason) {}

    private static final int VERSION_LENGTH = "HTTP/1.1".length();

    private StartLines() {}

    static RequestLine parseRequestLine(String line) {
        int firstSpace = line.indexOf(' ');
        int lastSpace = line.lastIndexOf(' ');
        if (firstSpace <= 0 || lastSpace == firstSpace) {
            throw malformed("malformed request line");
        }
        Http1Version version = parseVersion(line.substring(lastSpace + 1), "malformed request line");
        String method = line.substring(0, firstSpace);
        if (!HttpChars.isToken(method)) {
            throw malformed("invalid method");
        }
        String target = line.substring(firstSpace + 1, lastSpace);
        if (target.isEmpty()) {
            throw malformed("malformed request line");
        }
        for (int i = 0; i < target.length(); i++) {
            if (!HttpChars.isVchar(target.charAt(i))) {
                throw malformed("invalid request target");
            }
        }
        return new RequestLine(method, target, version);
    }

    /** Lenient only in accepting a missing SP after the status code when the reason phrase is empty. */
    static StatusLine parseStatusLine(String line) {
        int codeEnd = VERSION_LENGTH + 4;
        if (line.length() < codeEnd || line.charAt(VERSION_LENGTH) != ' ') {
            throw malformed("malformed status line");
        }
        Http1Version version = parseVersion(line.substring(0, VERSION_LENGTH), "malformed status line");
        int status = 0;
        for (int i = VERSION_LENGTH + 1; i < codeEnd; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed("malformed status line");
            }
            status = status * 10 + (c - '0');
        }
        if (status < 100) {
            throw malformed("malformed status line");
        }
        if (line.length() > codeEnd && line.charAt(codeEnd) != ' ') {
            throw malformed("malformed status line");
        }
        String reason = line.length() > codeEnd ? line.substring(codeEnd + 1) : "";
        if (!HttpChars.isText(reason)) {
            throw malformed("malformed status line");
        }
        return new StatusLine(version, status, reason);
    }

    /**
     * {@code HTTP-version = "HTTP/" DIGIT "." DIGIT}, case-sensitive (RFC 9112 §2.3). A well-formed version with a
     * major other than 1 is not malformed but unsupported: 505, which also answers the HTTP/2 preface ([PRX-003]).
     */
    private static Http1Version parseVersion(String text, String malformedMessage) {
        if (text.length() != VERSION_LENGTH || !text.startsWith("HTTP/") || text.charAt(6) != '.'
                || !isDigit(text.charAt(5)) || !isDigit(text.charAt(7))) {
            throw malformed(malformedMessage);
        }
        char major = text.charAt(5);
        if (major != '1') {
            throw DecodeException.of(Http1Error.Kind.VERSION_NOT_SUPPORTED,
                    major == '2' ? "HTTP/2 is not supported" : "HTTP version not supported");
        }
        return text.charAt(7) == '0' ? Http1Version.HTTP_1_0 : Http1Version.HTTP_1_1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

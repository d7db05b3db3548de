package io.bifrost.adapters.vertx.proxy.http.codec;

import io.bifrost.adapters.vertx.proxy.http.codec.RequestTarget.Absolute;
import io.bifrost.adapters.vertx.proxy.http.codec.RequestTarget.Authority;
import io.bifrost.adapters.vertx.proxy.http.codec.RequestTarget.Invalid;
import io.bifrost.adapters.vertx.proxy.http.codec.RequestTarget.Scheme;

/** The parsing behind {@link RequestTarget#parse}: RFC 9112 §3.2 request-target forms, RFC 3986 authorities. */
final class TargetParser {

    private static final String ABSOLUTE_REQUIRED = "absolute URI or CONNECT required";  // [PRX-020]
    private static final int MAX_QUOTED = 64;

    private TargetParser() {}

    static RequestTarget absolute(String target) {
        if (target.equals("*") || target.startsWith("/")) {
            return new Invalid(ABSOLUTE_REQUIRED);  // asterisk-form, origin-form
        }
        int colon = target.indexOf(':');
        if (colon <= 0 || !isScheme(target.substring(0, colon))) {
            return new Invalid("malformed request target");
        }
        String rest = target.substring(colon + 1);
        if (parsePort(rest) > 0) {
            return new Invalid(ABSOLUTE_REQUIRED);  // "host:port" is the authority-form, for CONNECT only
        }
        String schemeText = target.substring(0, colon);
        Scheme scheme = schemeText.equalsIgnoreCase("http") ? Scheme.HTTP
                : schemeText.equalsIgnoreCase("https") ? Scheme.HTTPS : null;
        if (scheme == null) {
            return new Invalid("unsupported scheme " + quote(schemeText));
        }
        if (!rest.startsWith("//")) {
            return new Invalid("malformed URI");
        }
        int authorityEnd = indexOfAny(rest, 2, "/?#");
        String authorityText = rest.substring(2, authorityEnd);
        if (authorityText.indexOf('@') >= 0) {
            return new Invalid("user info in URI not allowed");  // [PRX-020]
        }
        RequestTarget parsed = authority(authorityText, scheme.defaultPort());
        if (!(parsed instanceof Authority authority)) {
            return parsed;
        }
        return new Absolute(scheme, authority.host(), authority.ipv6(), authority.port(),
                originForm(rest.substring(authorityEnd)));
    }

    static RequestTarget connect(String target) {
        if (indexOfAny(target, 0, "/?#@*") < target.length()) {
            return new Invalid("CONNECT requires host:port");  // [PRX-050]: authority-form only
        }
        return authority(target, 443);
    }

    /** {@code host [":" port]}, host a DNS name, IPv4 or bracketed IPv6; {@link Authority} or {@link Invalid}. */
    private static RequestTarget authority(String text, int defaultPort) {
        if (text.isEmpty() || text.charAt(0) == ':') {
            return new Invalid("empty host");
        }
        String host;
        String portText;
        boolean ipv6 = text.charAt(0) == '[';
        if (ipv6) {
            int close = text.indexOf(']');
            host = close < 0 ? text.substring(1) : text.substring(1, close);
            if (close < 0 || !Ipv6Literal.isValid(host)) {
                return new Invalid("invalid IPv6 address " + quote(host));
            }
            String after = text.substring(close + 1);
            if (!after.isEmpty() && after.charAt(0) != ':') {
                return new Invalid("invalid host " + quote(text));
            }
            portText = after.isEmpty() ? null : after.substring(1);
        } else {
            if (text.indexOf(':') != text.lastIndexOf(':') && text.chars().allMatch(TargetParser::isIpv6Char)) {
                return new Invalid("IPv6 address needs brackets");  // RFC 3986 §3.2.2
            }
            int colon = text.indexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            portText = colon < 0 ? null : text.substring(colon + 1);
            if (!isHostName(host)) {
                return new Invalid("invalid host " + quote(host));
            }
        }
        int port = portText == null ? defaultPort : parsePort(portText);
        if (port < 0) {
            return new Invalid("invalid port " + quote(portText));
        }
        return new Authority(host, ipv6, port);
    }

    /** Path and query of an absolute URI in origin-form: fragment dropped, empty path made {@code /} ([PRX-021]). */
    private static String originForm(String pathAndMore) {
        int fragment = pathAndMore.indexOf('#');
        String pathAndQuery = fragment < 0 ? pathAndMore : pathAndMore.substring(0, fragment);
        return pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery;
    }

    /** 1-65535 written with 1-5 digits, else -1. An empty port ({@code host:}) is refused too. */
    private static int parsePort(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return -1;
        }
        int port = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            port = port * 10 + (c - '0');
        }
        return port >= 1 && port <= 65535 ? port : -1;
    }

    /** DNS names and dotted IPv4 ([PRX-050]); underscores occur in real names. Deeper checks belong to routing. */
    private static boolean isHostName(String host) {
        if (host.isEmpty()) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )} (RFC 3986 §3.1). */
    private static boolean isScheme(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!alpha && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6Char(int c) {
        return Character.digit(c, 16) >= 0 && c < 0x80 || c == ':' || c == '.';
    }

    private static int indexOfAny(String text, int from, String chars) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** Quotes a value for a message, cut short: it ends up in a response body. */
    private static String quote(String value) {
        return "\"" + (value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value) + "\"";
    }
}

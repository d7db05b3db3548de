package io.bifrost.adapters.vertx.proxy.http.codec;

/**
 * Syntax check of the text inside {@code [...]} in a URI host (RFC 3986 §3.2.2 {@code IPv6address}). Pure: no
 * resolver is involved. Zone identifiers (RFC 6874) and IPvFuture are not accepted.
 */
final class Ipv6Literal {

    private Ipv6Literal() {}

    static boolean isValid(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String[] left = split(gap < 0 ? text : text.substring(0, gap));
        String[] right = gap < 0 ? new String[0] : split(text.substring(gap + 2));
        int leftPieces = pieces(left, gap < 0);
        int rightPieces = pieces(right, true);
        if (leftPieces < 0 || rightPieces < 0) {
            return false;
        }
        int total = leftPieces + rightPieces;
        return gap < 0 ? total == 8 : total <= 7;  // "::" stands for at least one zero piece
    }

    /** 16-bit pieces in {@code groups}, or -1 if one is invalid; a dotted IPv4 may only end the address. */
    private static int pieces(String[] groups, boolean endsAddress) {
        int total = 0;
        for (int i = 0; i < groups.length; i++) {
            boolean last = endsAddress && i == groups.length - 1;
            if (last && groups[i].indexOf('.') >= 0) {
                if (!isIpv4(groups[i])) {
                    return -1;
                }
                total += 2;
            } else if (isH16(groups[i])) {
                total += 1;
            } else {
                return -1;
            }
        }
        return total;
    }

    private static String[] split(String text) {
        return text.isEmpty() ? new String[0] : text.split(":", -1);
    }

    private static boolean isH16(String group) {
        if (group.isEmpty() || group.length() > 4) {
            return false;
        }
        for (int i = 0; i < group.length(); i++) {
            char c = group.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}

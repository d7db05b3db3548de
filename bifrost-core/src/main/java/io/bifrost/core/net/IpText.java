package io.bifrost.core.net;

import java.util.Optional;

/** Strict text forms of IP addresses: parsing without DNS and RFC 5952 formatting. */
final class IpText {
    private IpText() {}

    /** Four decimal octets 0-255, no leading '+', no empty parts; leading zeros are refused as ambiguous (octal). */
    static Optional<byte[]> parseV4(String text) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || part == 4) {
                    return Optional.empty();
                }
                out[part++] = (byte) value;
                value = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits > 0 && value == 0) {
                    return Optional.empty();
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (++digits > 3 || value > 255) {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
        }
        return part == 4 ? Optional.of(out) : Optional.empty();
    }

    /** RFC 4291 §2.2 text forms, including "::" and a trailing dotted quad; zone ids are refused. */
    static Optional<byte[]> parseV6(String text) {
        if (text.isEmpty() || text.indexOf('%') >= 0) {
            return Optional.empty();
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = 0;
        if (text.startsWith("::")) {
            gap = 0;
            i = 2;
        } else if (text.startsWith(":")) {
            return Optional.empty();
        }
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && text.charAt(end) != ':') {
                end++;
            }
            String group = text.substring(i, end);
            if (group.indexOf('.') >= 0) {
                if (end != text.length() || count > 6) {
                    return Optional.empty();
                }
                Optional<byte[]> v4 = parseV4(group);
                if (v4.isEmpty()) {
                    return Optional.empty();
                }
                byte[] b = v4.get();
                groups[count++] = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
                groups[count++] = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
                i = end;
                break;
            }
            if (group.isEmpty() || group.length() > 4 || count == 8) {
                return Optional.empty();
            }
            int value = 0;
            for (int k = 0; k < group.length(); k++) {
                int d = Character.digit(group.charAt(k), 16);
                if (d < 0) {
                    return Optional.empty();
                }
                value = value * 16 + d;
            }
            groups[count++] = value;
            if (end == text.length()) {
                i = end;
                break;
            }
            if (end + 1 < text.length() && text.charAt(end + 1) == ':') {
                if (gap >= 0) {
                    return Optional.empty();
                }
                gap = count;
                i = end + 2;
            } else {
                i = end + 1;
                if (i == text.length()) {
                    return Optional.empty();
                }
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return Optional.empty();
        }
        byte[] out = new byte[16];
        int tail = gap < 0 ? 0 : count - gap;
        for (int g = 0; g < count; g++) {
            int slot = gap >= 0 && g >= gap ? 8 - tail + (g - gap) : g;
            out[slot * 2] = (byte) (groups[g] >>> 8);
            out[slot * 2 + 1] = (byte) groups[g];
        }
        return Optional.of(out);
    }

    static String formatV4(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    /** RFC 5952 §4: lower case, no leading zeros, the longest run (first on ties) of two or more zero groups as "::". */
    static String formatV6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}

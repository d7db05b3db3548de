package io.bifrost.adapters.vertx.proxy.socks5;

import java.util.Locale;

/**
 * Text ↔ bytes for IP literals, without ever touching a resolver ({@code InetAddress.getByName} would resolve a
 * name that merely looks odd; routing and the SOCKS front end must never resolve, spec [RTE-003], [PRX-074]).
 * Stateless; thread-safe.
 */
final class IpLiterals {

    private IpLiterals() {}

    /**
     * Parses an IPv4 literal: exactly four decimal octets 0–255 of 1–3 digits each (spec routing.md [RTE-002]
     * "four decimal octets"; leading zeros are read as decimal, never octal).
     *
     * @return the 4 address bytes, or {@code null} when {@code text} is not such a literal
     */
    static byte[] parseIpv4(CharSequence text) {
        return parseIpv4(text, 0, text.length());
    }

    private static byte[] parseIpv4(CharSequence text, int from, int to) {
        byte[] bytes = new byte[4];
        int octet = 0;
        int value = 0;
        int digits = 0;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                digits++;
                if (digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && octet < 4) {
                bytes[octet++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return octet == 4 ? bytes : null;
    }

    /**
     * Parses an IPv6 literal in the text forms of RFC 4291 §2.2 (hex groups, one {@code ::}, a trailing dotted IPv4
     * part). No brackets and no zone id ({@code %eth0}): neither names a destination.
     *
     * @return the 16 address bytes, or {@code null} when {@code text} is not such a literal
     */
    static byte[] parseIpv6(CharSequence text) {
        int length = text.length();
        if (length < 2 || length > 45) {
            return null;
        }
        byte[] bytes = new byte[16];
        int group = 0;              // next 16-bit group to fill
        int compressAt = -1;        // group index where "::" stands
        int i = 0;
        if (text.charAt(0) == ':') {
            if (text.charAt(1) != ':') {
                return null;
            }
            compressAt = 0;
            i = 2;
        }
        while (i < length) {
            if (group == 8) {
                return null;
            }
            int start = i;
            int value = 0;
            while (i < length && i - start < 5 && hexValue(text.charAt(i)) >= 0) {
                value = (value << 4) | hexValue(text.charAt(i));
                i++;
            }
            if (i < length && text.charAt(i) == '.') {       // embedded IPv4 takes the last two groups
                byte[] v4 = group <= 6 ? parseIpv4(text, start, length) : null;
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, bytes, group * 2, 4);
                group += 2;
                i = length;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4) {
                return null;
            }
            bytes[group * 2] = (byte) (value >>> 8);
            bytes[group * 2 + 1] = (byte) value;
            group++;
            if (i == length) {
                break;
            }
            if (text.charAt(i) != ':' || i + 1 == length) {
                return null;                                  // a stray character, or a single trailing ':'
            }
            i++;
            if (text.charAt(i) == ':') {
                if (compressAt >= 0) {
                    return null;                              // at most one "::"
                }
                compressAt = group;
                i++;
            }
        }
        return expand(bytes, group, compressAt);
    }

    /** ASCII only: {@link Character#digit} would also accept non-ASCII digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static byte[] expand(byte[] bytes, int groups, int compressAt) {
        if (compressAt < 0) {
            return groups == 8 ? bytes : null;
        }
        if (groups == 8) {
            return null;                                      // "::" must stand for at least one group
        }
        int tailBytes = (groups - compressAt) * 2;
        byte[] result = new byte[16];
        System.arraycopy(bytes, 0, result, 0, compressAt * 2);
        System.arraycopy(bytes, compressAt * 2, result, 16 - tailBytes, tailBytes);
        return result;
    }

    /** {@code true} for {@code ::ffff:a.b.c.d}, which spec [PRX-074] and [RTE-002] treat as the IPv4 address. */
    static boolean isIpv4Mapped(byte[] ipv6) {
        for (int i = 0; i < 10; i++) {
            if (ipv6[i] != 0) {
                return false;
            }
        }
        return ipv6[10] == (byte) 0xff && ipv6[11] == (byte) 0xff;
    }

    /** Dotted-decimal text of 4 address bytes. */
    static String formatIpv4(byte[] bytes) {
        return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
    }

    /** RFC 5952 text of 16 address bytes: lower-case hex, no leading zeros, the longest zero run (≥ 2) as "::". */
    static String formatIpv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) {
            groups[g] = ((bytes[g * 2] & 0xff) << 8) | (bytes[g * 2 + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;                                   // RFC 5952 §4.2.2: a single zero group stays "0"
        for (int g = 0; g < 8; g++) {
            int run = 0;
            while (g + run < 8 && groups[g + run] == 0) {
                run++;
            }
            if (run > bestLength) {                           // strictly longer: the first of equal runs wins (§4.2.3)
                bestStart = g;
                bestLength = run;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                text.append("::");
                g += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[g]).toLowerCase(Locale.ROOT));
        }
        return text.toString();
    }
}

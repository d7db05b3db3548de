package io.bifrost.adapters.vertx.accesslog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Text pieces of access-log lines. Stateless. */
final class LogText {
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogText() {}

    /** [GEN-004]: {@code 2025-03-14T09:26:53.589Z}, always three fraction digits. */
    static void isoMillis(Instant t, StringBuilder out) {
        LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        pad(d.getYear(), 4, out);
        out.append('-');
        pad(d.getMonthValue(), 2, out);
        out.append('-');
        pad(d.getDayOfMonth(), 2, out);
        out.append('T');
        clock(d, out);
        out.append('.');
        pad(d.getNano() / 1_000_000, 3, out);
        out.append('Z');
    }

    /**
     * [SEC-072]: {@code 14/Mar/2025:09:26:53 +0000}: UTC, English month abbreviations whatever the default locale.
     */
    static void apacheTime(Instant t, StringBuilder out) {
        LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        pad(d.getDayOfMonth(), 2, out);
        out.append('/').append(MONTHS[d.getMonthValue() - 1]).append('/');
        pad(d.getYear(), 4, out);
        out.append(':');
        clock(d, out);
        out.append(" +0000");
    }

    private static void clock(LocalDateTime d, StringBuilder out) {
        pad(d.getHour(), 2, out);
        out.append(':');
        pad(d.getMinute(), 2, out);
        out.append(':');
        pad(d.getSecond(), 2, out);
    }

    private static void pad(int value, int width, StringBuilder out) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    /**
     * [GEN-005]: milliseconds with up to 3 decimals and no trailing zeros ({@code 15032.4}, {@code 12}), never in
     * exponent form. Negative values (a clock step) are written as 0.
     */
    static void millis(double ms, StringBuilder out) {
        long micros = ms > 0 ? Math.round(ms * 1000) : 0;
        out.append(micros / 1000);
        int fraction = (int) (micros % 1000);
        if (fraction != 0) {
            out.append('.').append((char) ('0' + fraction / 100));
            if (fraction % 100 != 0) {
                out.append((char) ('0' + fraction / 10 % 10));
                if (fraction % 10 != 0) {
                    out.append((char) ('0' + fraction % 10));
                }
            }
        }
    }

    /**
     * A field of the Apache formats: {@code "} and {@code \} escaped with a backslash ([SEC-072]); control
     * characters as Apache's {@code mod_log_config} writes them ({@code \n}, {@code \t}, else {@code \xhh}), so a
     * hostile header can never split or forge a line.
     */
    static void apacheEscaped(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}

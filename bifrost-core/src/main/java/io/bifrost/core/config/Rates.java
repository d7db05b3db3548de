package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bandwidth syntax ([CFG-012]): {@code <number><prefix><b|B><ps|/s>}. Lower-case {@code b} counts bits and
 * upper-case {@code B} bytes; {@code k}/{@code K}, {@code m}/{@code M}, {@code g}/{@code G} are decimal prefixes and
 * {@code Ki}, {@code Mi}, {@code Gi} binary ones (unlike sizes, [CFG-011]). A bare number is bytes per second;
 * {@code ""} and {@code "0"} mean unlimited. Stateless and thread-safe.
 */
public final class Rates {
    private static final Pattern RATE =
            Pattern.compile("(\\d+(?:\\.\\d+)?)(?:(?:([kKmMgG])(i?))?([bB])(?:[pP][sS]|/[sS]))?");
    private static final BigDecimal EIGHT = BigDecimal.valueOf(8);

    /** Bytes per second meaning "no limit". */
    public static final long UNLIMITED = 0;

    private Rates() {}

    /**
     * Parses a rate into bytes per second; {@link #UNLIMITED} (0) for {@code ""} and zero. A non-zero rate never rounds
     * down to unlimited: it is at least one byte per second.
     *
     * @throws IllegalArgumentException with the problem text of [CFG-012], e.g. {@code invalid rate "10 megabits"}
     */
    public static long parse(String text) {
        requireNonNull(text, "text");
        if (text.isEmpty()) {
            return UNLIMITED;
        }
        Matcher m = RATE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid rate \"" + text + "\"");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        if (m.group(2) != null) {
            int power = "kmg".indexOf(Character.toLowerCase(m.group(2).charAt(0))) + 1;
            amount = amount.multiply(BigDecimal.valueOf(m.group(3).isEmpty() ? 1000 : 1024).pow(power));
        }
        boolean bits = "b".equals(m.group(4));
        return toLong(text, bits ? amount.divide(EIGHT) : amount);
    }

    private static long toLong(String text, BigDecimal bytes) {
        if (bytes.signum() == 0) {
            return UNLIMITED;
        }
        try {
            return Math.max(1, bytes.setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("invalid rate \"" + text + "\": too large", e);
        }
    }

    /**
     * The form Bifrost writes (API responses, saved files): {@code ""} for unlimited; otherwise bits per second with
     * the largest decimal prefix that keeps an integer, as network speeds are usually written ({@code "10Mbps"},
     * {@code "512kbps"}, {@code "1Gbps"}, {@code "12kbps"} for 1500 B/s), or whole bytes per second when no prefix
     * fits ({@code "8bps"} for 1 B/s). The text parses back to the same value.
     */
    public static String format(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond: " + bytesPerSecond + " (expected: >= 0)");
        }
        if (bytesPerSecond == UNLIMITED) {
            return "";
        }
        if (bytesPerSecond > Long.MAX_VALUE / 8) {
            return Long.toString(bytesPerSecond);
        }
        long bits = bytesPerSecond * 8;
        String[] prefixes = {"G", "M", "k"};
        long[] factors = {1_000_000_000L, 1_000_000L, 1_000L};
        for (int i = 0; i < prefixes.length; i++) {
            if (bits % factors[i] == 0) {
                return bits / factors[i] + prefixes[i] + "bps";
            }
        }
        return bits + "bps";
    }
}

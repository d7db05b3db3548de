package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size syntax ([CFG-011]): an integer or decimal number with an optional unit {@code B}, {@code K}/{@code KB}/
 * {@code KiB}, {@code M}…, {@code G}…, {@code T}… (case-insensitive). Every unit is a power of 1024, so
 * {@code "10MB"} is 10 485 760 bytes. Stateless and thread-safe.
 */
public final class ByteSizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)(?:([kmgt])(?:i?b)?|b)?");
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private ByteSizes() {}

    /**
     * Parses a size into bytes; a fraction of a byte is rounded to the nearest byte.
     *
     * @throws IllegalArgumentException with the problem text, e.g. {@code invalid size "10 MB" (expected e.g. "512KB",
     *     "10MB", "2GB")}
     */
    public static long parse(String text) {
        requireNonNull(text, "text");
        Matcher m = SIZE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "invalid size \"" + text + "\" (expected e.g. \"512KB\", \"10MB\", \"2GB\")");
        }
        int power = m.group(2) == null ? 0 : "kmgt".indexOf(m.group(2)) + 1;
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
        try {
            return bytes.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("invalid size \"" + text + "\": too large", e);
        }
    }

    /** The largest unit that keeps an integer: {@code "10MB"}, {@code "1536KB"}, {@code "0B"}. */
    public static String format(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes: " + bytes + " (expected: >= 0)");
        }
        long amount = bytes;
        int unit = 0;
        while (amount != 0 && amount % 1024 == 0 && unit < UNITS.length - 1) {
            amount /= 1024;
            unit++;
        }
        return amount + UNITS[unit];
    }
}

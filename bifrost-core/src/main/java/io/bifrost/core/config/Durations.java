package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of the configuration files and APIs ([CFG-010]): one or more {@code <number><unit>} parts such as
 * {@code "30s"}, {@code "1h30m"}, {@code "1.5h"}, {@code "250ms"}, {@code "7d12h"}; {@code "0"} means zero. Stateless
 * and thread-safe.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h|d)");
    private static final Pattern BARE_NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE);

    /** The message of [CFG-010] for a bare number other than 0. */
    static final String NEEDS_UNIT = "duration needs a unit, e.g. \"30s\"";

    private Durations() {}

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException with the problem text (no key path), e.g. {@code duration needs a unit, e.g.
     *     "30s"} or {@code invalid duration "abc" (expected e.g. "30s", "1h30m", "250ms")}
     */
    public static Duration parse(String text) {
        requireNonNull(text, "text");
        if (text.startsWith("-")) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\": must not be negative");
        }
        if (BARE_NUMBER.matcher(text).matches()) {
            if (new BigDecimal(text).signum() == 0) {
                return Duration.ZERO;
            }
            throw new IllegalArgumentException(NEEDS_UNIT);
        }
        Matcher m = PART.matcher(text);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(unitNanos(m.group(2))));
            end = m.end();
        }
        if (end == 0 || end != text.length()) {
            throw new IllegalArgumentException(
                    "invalid duration \"" + text + "\" (expected e.g. \"30s\", \"1h30m\", \"250ms\")");
        }
        BigDecimal[] secondsAndNanos = nanos.setScale(0, RoundingMode.HALF_UP).divideAndRemainder(NANOS_PER_SECOND);
        if (secondsAndNanos[0].compareTo(MAX_SECONDS) > 0) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\": too large");
        }
        return Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
    }

    private static BigDecimal unitNanos(String unit) {
        long nanos = switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "d" -> 86_400_000_000_000L;
            default -> throw new IllegalStateException("unit: " + unit + " (expected: one of the PART pattern)");
        };
        return BigDecimal.valueOf(nanos);
    }

    /**
     * The compact form Bifrost writes ([CFG-010]): units {@code h}, {@code m}, {@code s}, {@code ms}, largest first,
     * zero parts omitted ({@code "1h30m"}, {@code "500ms"}, {@code "720h"}, {@code "0s"}). A sub-millisecond remainder,
     * which the spec's examples never need, is written with {@code us} and {@code ns} so that the text parses back to
     * the same value.
     */
    public static String format(Duration duration) {
        requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration: " + duration + " (expected: not negative)");
        }
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long seconds = duration.getSeconds();
        append(sb, seconds / 3600, "h");
        append(sb, seconds % 3600 / 60, "m");
        append(sb, seconds % 60, "s");
        int nanos = duration.getNano();
        append(sb, nanos / 1_000_000, "ms");
        append(sb, nanos % 1_000_000 / 1_000, "us");
        append(sb, nanos % 1_000, "ns");
        return sb.toString();
    }

    private static void append(StringBuilder sb, long amount, String unit) {
        if (amount != 0) {
            sb.append(amount).append(unit);
        }
    }
}

package io.bifrost.core.config;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Scalar conversions of the reader: typed values as the parser produced them, or their canonical text (what
 * environment expansion and the JSON API deliver, [CFG-020], [BKD-014]).
 */
final class Scalars {
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private Scalars() {}

    /** {@code true}/{@code false} only; {@code yes}, {@code on}, {@code 1} are not booleans ([CFG-015]). */
    static Optional<Boolean> bool(Object v) {
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        if ("true".equals(v) || "false".equals(v)) {
            return Optional.of(Boolean.valueOf((String) v));
        }
        return Optional.empty();
    }

    /** A base-10 integer within {@code long}; never a fraction, hexadecimal or octal form. */
    static Optional<Long> integer(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return Optional.of(((Number) v).longValue());
        }
        String text = v instanceof BigInteger || v instanceof String ? v.toString() : null;
        if (text == null || !INTEGER.matcher(text).matches()) {
            return Optional.empty();
        }
        BigInteger big = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        return big.bitLength() < 64 ? Optional.of(big.longValue()) : Optional.empty();
    }

    /** A finite decimal number. */
    static Optional<Double> number(Object v) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return Optional.of(n.doubleValue());
        }
        if (v instanceof String s && DECIMAL.matcher(s).matches()) {
            return Optional.of(Double.valueOf(s));
        }
        return Optional.empty();
    }
}

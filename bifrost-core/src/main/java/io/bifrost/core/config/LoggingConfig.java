package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The application log ({@code logging}, [CFG-120]; both programs). Immutable.
 *
 * @param level default {@code info}
 * @param format default {@code text}
 * @param output {@code stdout} (default), {@code stderr} or a file path
 * @param timeFormat a {@code java.time} formatter pattern applied in UTC; default {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX}
 * @param maxSizeMb file output: rotate when larger; 0 (default) = never
 * @param maxBackups rotated files kept; 0 (default) = all
 */
public record LoggingConfig(
        Level level, Format format, String output, String timeFormat, int maxSizeMb, int maxBackups) {

    public static final String DEFAULT_TIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

    /** Log levels. */
    public enum Level {
        DEBUG, INFO, WARN, ERROR;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Level> parse(String name) {
            return Arrays.stream(values()).filter(l -> l.wireName().equals(name)).findFirst();
        }
    }

    /** {@code text}, or {@code json} (one object per line). */
    public enum Format {
        TEXT, JSON;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Format> parse(String name) {
            return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
        }
    }

    public LoggingConfig {
        requireNonNull(level, "level");
        requireNonNull(format, "format");
        requireNonNull(output, "output");
        requireNonNull(timeFormat, "timeFormat");
    }

    public static LoggingConfig defaults() {
        return new LoggingConfig(Level.INFO, Format.TEXT, "stdout", DEFAULT_TIME_FORMAT, 0, 0);
    }
}

package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code access_log} section ([CFG-116], [SEC-070]). Immutable.
 *
 * @param enabled default true
 * @param format default {@code json}
 * @param output {@code stdout} (default), {@code stderr} or a file path (mode 0640, appended to)
 */
public record AccessLogConfig(boolean enabled, Format format, String output) {

    /** Line formats of [SEC-070]-[SEC-073]. */
    public enum Format {
        JSON, APACHE, COMBINED, COMMON;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Format> parse(String name) {
            return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
        }
    }

    public AccessLogConfig {
        requireNonNull(format, "format");
        requireNonNull(output, "output");
    }

    public static AccessLogConfig defaults() {
        return new AccessLogConfig(true, Format.JSON, "stdout");
    }
}

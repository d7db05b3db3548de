package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

/**
 * One validation finding ([CFG-060]). Immutable.
 *
 * @param path where: keys joined by {@code .}, list positions as zero-based {@code [i]}, e.g.
 *     {@code routes[2].backend}; {@code (root)} for the document itself
 * @param message what is wrong, naming the offending value in double quotes (never a secret)
 * @param severity errors prevent start-up, reload and saving; warnings never do ([CFG-061])
 * @param section the first component of {@code path}, for grouping in tools
 */
public record ConfigProblem(String path, String message, Severity severity, String section) {
    /** The path of problems about the document as a whole. */
    public static final String ROOT = "(root)";

    /** How serious a problem is; {@link #wireName()} is the JSON form of [CFG-062]. */
    public enum Severity {
        ERROR,
        WARNING;

        public String wireName() {
            return this == ERROR ? "error" : "warning";
        }
    }

    public ConfigProblem {
        requireNonNull(path, "path");
        requireNonNull(message, "message");
        requireNonNull(severity, "severity");
        requireNonNull(section, "section");
    }

    public static ConfigProblem error(String path, String message) {
        return new ConfigProblem(path, message, Severity.ERROR, sectionOf(path));
    }

    public static ConfigProblem warning(String path, String message) {
        return new ConfigProblem(path, message, Severity.WARNING, sectionOf(path));
    }

    /** The first component of a path: {@code routes} for {@code routes[2].backend}. */
    static String sectionOf(String path) {
        if (path.equals(ROOT)) {
            return ROOT;
        }
        int end = path.length();
        int dot = path.indexOf('.');
        int bracket = path.indexOf('[');
        if (dot >= 0) {
            end = dot;
        }
        if (bracket >= 0 && bracket < end) {
            end = bracket;
        }
        return path.substring(0, end);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The text form of logs and the CLI: {@code <path>: <message>}. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}

package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * What was built ([SAPI-011]): the version, the short commit hash and the build time. Immutable.
 *
 * @param version semantic version, e.g. {@code 1.4.0}
 * @param gitCommit short commit hash (7+ hex digits), {@code unknown} for local builds
 * @param buildTime when the build ran
 */
public record BuildInfo(String version, String gitCommit, Instant buildTime) {
    /** The resource the server application's build writes (filtered by Maven). */
    public static final String RESOURCE = "bifrost-version.properties";

    private static final String UNKNOWN_VERSION = "1.0.0";
    private static final String UNKNOWN_COMMIT = "unknown";

    public BuildInfo {
        requireNonNull(version, "version");
        requireNonNull(gitCommit, "gitCommit");
        requireNonNull(buildTime, "buildTime");
    }

    /** A build that knows nothing about itself: version {@code 1.0.0}, commit {@code unknown}, epoch build time. */
    public static BuildInfo unknown() {
        return new BuildInfo(UNKNOWN_VERSION, UNKNOWN_COMMIT, Instant.EPOCH);
    }

    /**
     * Reads {@link #RESOURCE} from the class path ({@code version}, {@code git_commit}, {@code build_time}); values
     * that are missing, unfiltered ({@code ${...}}) or unparseable fall back to those of {@link #unknown()}.
     */
    public static BuildInfo fromClasspath() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return unknown();
        }
        return new BuildInfo(value(p, "version", UNKNOWN_VERSION), value(p, "git_commit", UNKNOWN_COMMIT),
                time(value(p, "build_time", "")));
    }

    private static String value(Properties p, String key, String fallback) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() || v.contains("${") ? fallback : v;
    }

    private static Instant time(String text) {
        try {
            return text.isEmpty() ? Instant.EPOCH : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}

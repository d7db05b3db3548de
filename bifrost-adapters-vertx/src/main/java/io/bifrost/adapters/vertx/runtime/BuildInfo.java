package io.bifrost.adapters.vertx.runtime;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * What was built ([SAPI-011], [CFG-205]): the facts Maven stamps into {@code bifrost-version.properties} at build
 * time. The runtime half of the version answer (Java, platform) comes from {@link Platform}. Immutable.
 *
 * @param version semantic version, e.g. {@code 1.4.0}; {@code 0.0.0-unknown} when the resource is absent (an
 *     embedding program's class path without the runnable jars' resource)
 * @param gitCommit short commit hash (7+ hex digits), {@code unknown} for local builds
 * @param buildTime when the build ran; the epoch when unknown
 */
public record BuildInfo(String version, String gitCommit, Instant buildTime) {
    /** The resource the runnable jars' builds write (filtered by Maven). */
    public static final String RESOURCE = "bifrost-version.properties";

    private static final String UNKNOWN_VERSION = "0.0.0-unknown";
    private static final String UNKNOWN = "unknown";
    /** [GEN-004]: exactly millisecond precision, UTC. */
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public BuildInfo {
        requireNonNull(version, "version");
        requireNonNull(gitCommit, "gitCommit");
        requireNonNull(buildTime, "buildTime");
    }

    /** A build that knows nothing about itself: version {@code 0.0.0-unknown}, commit {@code unknown}, the epoch. */
    public static BuildInfo unknown() {
        return new BuildInfo(UNKNOWN_VERSION, UNKNOWN, Instant.EPOCH);
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
        return new BuildInfo(value(p, "version", UNKNOWN_VERSION), value(p, "git_commit", UNKNOWN),
                time(value(p, "build_time", "")));
    }

    /** The build time as [GEN-004] writes it, or {@code unknown}. */
    public String buildTimeText() {
        return buildTime.equals(Instant.EPOCH) ? UNKNOWN : MILLIS.format(buildTime);
    }

    /** The line of {@code version} ([CFG-205]), on this runtime. */
    public String versionLine(String program) {
        return versionLine(program, Platform.javaVersion(), Platform.current());
    }

    String versionLine(String program, String javaVersion, String platform) {
        return program + " " + version + " (commit " + gitCommit + ", built " + buildTimeText() + ", java "
                + javaVersion + ", " + platform + ")";
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

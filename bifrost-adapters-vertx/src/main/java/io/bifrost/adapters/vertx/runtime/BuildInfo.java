package io.bifrost.adapters.vertx.runtime;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.bifrost.adapters.vertx.runtime.Platform;
import java.util.Properties;

/**
 * What this build and runtime are ([SAPI-011]): the facts Maven stamps into {@code bifrost-version.properties} at
 * build time, plus the Java runtime and the platform. Immutable.
 *
 * @param version semantic version, e.g. {@code 1.0.0-SNAPSHOT}
 * @param gitCommit short commit hash, {@code unknown} for local builds
 * @param buildTime build time, UTC ([GEN-004]); {@code unknown} when the resource was not filtered
 * @param javaVersion {@code Runtime.version()} without build and pre-release parts, e.g. {@code 17.0.15}
 * @param javaVendor {@code java.vendor}
 * @param platform {@code <os>/<arch>} in the vocabulary of [SAPI-011], e.g. {@code linux/amd64}
 */
public record BuildInfo(
        String version, String gitCommit, String buildTime, String javaVersion, String javaVendor, String platform) {
    static final String RESOURCE = "/bifrost-version.properties";
    private static final String UNKNOWN = "unknown";

    public BuildInfo {
        requireNonNull(version, "version");
        requireNonNull(gitCommit, "gitCommit");
        requireNonNull(buildTime, "buildTime");
        requireNonNull(javaVersion, "javaVersion");
        requireNonNull(javaVendor, "javaVendor");
        requireNonNull(platform, "platform");
    }

    /** This build, read from the class path, on this runtime. */
    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new BuildInfo(stamped(p, "version"), stamped(p, "git_commit"), millis(stamped(p, "build_time")),
                Platform.javaVersion(), Platform.javaVendor(), Platform.current());
    }

    /** The line of {@code version} ([CFG-205]). */
    public String versionLine(String program) {
        return program + " " + version + " (commit " + gitCommit + ", built " + buildTime + ", java " + javaVersion
                + ", " + platform + ")";
    }

    /** A value Maven did not substitute (a build without resource filtering) is unknown, not "${...}". */
    private static String stamped(Properties p, String key) {
        String value = p.getProperty(key, "").strip();
        return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
    }

    /** [GEN-004]: exactly millisecond precision, whatever precision Maven stamped. */
    static String millis(String time) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.parse(time));
        } catch (java.time.format.DateTimeParseException e) {
            return time;
        }
    }

    /** The build facts the management API reports ([SAPI-011]). */
    public io.bifrost.adapters.vertx.api.BuildInfo toApi() {
        java.time.Instant built;
        try {
            built = java.time.Instant.parse(buildTime);
        } catch (java.time.format.DateTimeParseException e) {
            built = java.time.Instant.EPOCH;
        }
        return new io.bifrost.adapters.vertx.api.BuildInfo(version, gitCommit, built);
    }
}

package io.bifrost.adapters.vertx.runtime;

import java.util.Locale;
import java.util.stream.Collectors;

/** The Java runtime and platform as [SAPI-011] names them (Go-style {@code <os>/<arch>}). */
public final class Platform {
    private Platform() {}

    /** {@code 17.0.15} from {@code 17.0.15+6-Debian-1deb12u1}: [SAPI-011] shows the numeric version only. */
    public static String javaVersion() {
        return Runtime.version().version().stream().map(String::valueOf).collect(Collectors.joining("."));
    }

    public static String javaVendor() {
        return System.getProperty("java.vendor", "unknown");
    }

    /** This machine, e.g. {@code linux/amd64}. */
    public static String current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** {@code <os>/<arch>}: os {@code linux}, {@code darwin}, {@code windows}, {@code freebsd}; arch {@code amd64}... */
    public static String of(String osName, String osArch) {
        return os(osName.toLowerCase(Locale.ROOT)) + "/" + arch(osArch.toLowerCase(Locale.ROOT));
    }

    private static String os(String name) {
        if (name.startsWith("linux")) {
            return "linux";
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return "darwin";
        }
        if (name.startsWith("windows")) {
            return "windows";
        }
        if (name.startsWith("freebsd")) {
            return "freebsd";
        }
        return name.replace(' ', '-');
    }

    private static String arch(String arch) {
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            default -> arch.startsWith("arm") ? "arm" : arch;
        };
    }
}

package io.bifrost.adapters.vertx.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether this process can send ICMP echo requests, which the {@code ping} probe needs ([BKD-062]).
 *
 * <p>Java has no ICMP API; {@link java.net.InetAddress#isReachable(int)} sends an ICMP echo only when it can open a
 * raw socket and otherwise silently tries a TCP connection to port 7 instead, which is not a ping (a refused
 * connection even counts as "reachable"). So the probe must know beforehand which of the two the runtime will do:
 *
 * <ul>
 *   <li>Linux: the JDK opens a raw ICMP socket, which needs {@code CAP_NET_RAW} (bit 13) in the process's effective
 *       capability set, read from the {@code CapEff} line of {@code /proc/self/status}. Root normally has it; so does
 *       a JVM given {@code setcap cap_net_raw+ep} or a container with that capability.</li>
 *   <li>Windows: the JDK uses {@code IcmpSendEcho}, which needs no privilege: available.</li>
 *   <li>Other systems (macOS, BSD): raw sockets need root, so available only when running as {@code root}.</li>
 * </ul>
 *
 * A security module (seccomp, SELinux) could still refuse the raw socket; the answer here is then optimistic and
 * the JDK falls back to TCP. Stateless; reads one small file.
 */
public final class IcmpSupport {
    private static final int CAP_NET_RAW = 13;

    private IcmpSupport() {}

    /** Detects ICMP availability for the running process, as described above. */
    public static boolean detect() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return true;
        }
        if (os.startsWith("linux")) {
            try {
                return hasNetRaw(Files.readString(Path.of("/proc/self/status"), StandardCharsets.US_ASCII));
            } catch (IOException | RuntimeException e) {
                return false; // no /proc: cannot tell, and a wrong "yes" would make ping probes lie
            }
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /** Whether a {@code /proc/<pid>/status} text grants {@code CAP_NET_RAW} in the effective set. */
    static boolean hasNetRaw(String procStatus) {
        for (String line : procStatus.split("\n")) {
            if (line.startsWith("CapEff:")) {
                long caps = Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
                return (caps >>> CAP_NET_RAW & 1) == 1;
            }
        }
        return false;
    }
}

package io.bifrost.adapters.vertx.health;

import io.bifrost.core.config.HostPort;

/**
 * Reads a probe's {@code target} per type ([BKD-060]): {@code host:port} for {@code tcp}, {@code host[:port]} for
 * {@code http} (the port defaults from the scheme), {@code host} for {@code ping}. The target of a proxy backend
 * without its own {@code target} is its {@code config.address} ([BKD-061]), a {@code host:port}, so {@code ping}
 * drops a port when there is one.
 */
final class ProbeTargets {
    private ProbeTargets() {}

    /** @throws IllegalArgumentException when {@code target} is not {@code host:port} */
    static HostPort tcp(String target) {
        return HostPort.parse(target);
    }

    /** @throws IllegalArgumentException when {@code target} is neither {@code host:port} nor a host */
    static HostPort http(String target, String scheme) {
        try {
            return HostPort.parse(target);
        } catch (IllegalArgumentException noPort) {
            return new HostPort(unbracketed(target), "https".equals(scheme) ? 443 : 80);
        }
    }

    static String ping(String target) {
        try {
            return HostPort.parse(target).host();
        } catch (IllegalArgumentException noPort) {
            return unbracketed(target);
        }
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}

package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.net.IpAddress;
import java.time.Duration;
import java.util.Map;

/**
 * The typed {@code config} map of a backend ([BKD-011]-[BKD-013]); one record per type, the raw map for declared but
 * unsupported types. Immutable.
 */
public sealed interface BackendSettings {

    /**
     * {@code direct} ([BKD-011]).
     *
     * @param connectTimeout bound on DNS + TCP connect; {@code null} = {@code network.dial_timeout} (30s)
     * @param keepAlive TCP keep-alive idle time, zero disables; {@code null} = {@code network.keepalive} (30s)
     * @param localAddr source address for upstream sockets; {@code null} = chosen by the OS
     */
    record Direct(Duration connectTimeout, Duration keepAlive, IpAddress localAddr) implements BackendSettings {
        public static Direct defaults() {
            return new Direct(null, null, null);
        }
    }

    /**
     * {@code http_proxy} ([BKD-012]): tunnels through an upstream proxy with {@code CONNECT}.
     *
     * @param address the upstream proxy
     * @param username sent as {@code Proxy-Authorization: Basic} when non-empty; default {@code ""}
     * @param password secret ([SEC-080]); default {@code ""}
     * @param connectTimeout TCP connect + CONNECT exchange; {@code null} = {@code network.dial_timeout} (30s)
     */
    record HttpProxy(HostPort address, String username, String password, Duration connectTimeout)
            implements BackendSettings {
        public HttpProxy {
            requireNonNull(address, "address");
            requireNonNull(username, "username");
            requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "HttpProxy[address=" + address + ", username=" + username + ", password=" + mask(password)
                    + ", connectTimeout=" + connectTimeout + "]";
        }
    }

    /**
     * {@code socks5_proxy} ([BKD-013]); credentials are used with RFC 1929 when {@code username} is non-empty.
     *
     * @param address the upstream proxy
     * @param username default {@code ""}
     * @param password secret ([SEC-080]); default {@code ""}
     * @param connectTimeout {@code null} = {@code network.dial_timeout} (30s)
     */
    record Socks5Proxy(HostPort address, String username, String password, Duration connectTimeout)
            implements BackendSettings {
        public Socks5Proxy {
            requireNonNull(address, "address");
            requireNonNull(username, "username");
            requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Socks5Proxy[address=" + address + ", username=" + username + ", password=" + mask(password)
                    + ", connectTimeout=" + connectTimeout + "]";
        }
    }

    /**
     * A declared, unsupported type ([BKD-010]): the map is kept verbatim so a save writes it back unchanged.
     *
     * @param raw the {@code config} map as written (unmodifiable)
     */
    record Unsupported(Map<String, Object> raw) implements BackendSettings {
        public Unsupported {
            raw = Trees.freezeMap(requireNonNull(raw, "raw"));
        }

        @Override
        public String toString() {
            return "Unsupported[" + raw.size() + " keys]";
        }
    }

    private static String mask(String secret) {
        return secret.isEmpty() ? "" : ConfigSecrets.MASK;
    }
}

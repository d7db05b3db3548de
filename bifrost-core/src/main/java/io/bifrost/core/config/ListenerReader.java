package io.bifrost.core.config;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Reads proxy listeners and {@code tls} blocks: the server's {@code server} ([CFG-101]), the client's proxy. */
final class ListenerReader {
    private static final Set<String> CLIENT_AUTH = Set.of("", "request", "require_any", "verify_if_given", "require");

    private ListenerReader() {}

    static ProxyServerConfig server(ConfigNode server) {
        ProxyServerConfig d = ProxyServerConfig.defaults();
        ListenerConfig http = listener(server.map("http"), d.http(), true, true);
        ListenerConfig socks5 = listener(server.map("socks5"), d.socks5(), true, true);
        if (http.listen().isDisabled() && socks5.listen().isDisabled()) {
            server.error("at least one proxy listener (server.http.listen or server.socks5.listen) must be set");
        }
        return new ProxyServerConfig(http, socks5, server.duration("graceful_period", d.gracefulPeriod()),
                server.bool("allow_open_proxy", d.allowOpenProxy()));
    }

    static ClientProxyConfig client(ConfigNode proxy) {
        ClientProxyConfig d = ClientProxyConfig.defaults();
        ListenerConfig http = listener(proxy.map("http"), d.http(), true, false);
        ListenerConfig socks5 = listener(proxy.map("socks5"), d.socks5(), false, false);
        if (http.listen().isDisabled() && socks5.listen().isDisabled()) {
            proxy.error("at least one proxy listener (proxy.http.listen or proxy.socks5.listen) must be set");
        }
        return new ClientProxyConfig(http, socks5);
    }

    /**
     * @param allTimeouts whether {@code write_timeout} and {@code idle_timeout} are keys of this listener (the client's
     *     SOCKS5 listener has only {@code listen}, {@code read_timeout} and {@code max_connections})
     * @param withTls whether {@code tls} is a key of this listener (server listeners only, [CFG-104])
     */
    private static ListenerConfig listener(ConfigNode node, ListenerConfig d, boolean allTimeouts, boolean withTls) {
        ListenAddress listen = node.listen("listen", d.listen());
        Duration read = node.duration("read_timeout", d.readTimeout());
        Duration write = allTimeouts ? node.duration("write_timeout", d.writeTimeout()) : d.writeTimeout();
        Duration idle = allTimeouts ? node.duration("idle_timeout", d.idleTimeout()) : d.idleTimeout();
        int maxConnections = node.integer("max_connections", d.maxConnections(), 0, Integer.MAX_VALUE);
        TlsConfig tls = withTls ? tls(node.map("tls"), "TLS listeners are not available in this version") : null;
        return new ListenerConfig(listen, read, write, idle, maxConnections, tls);
    }

    /** A {@code tls} block ([CFG-104]); {@code null} when absent; {@code enabled: true} is an error for now. */
    static TlsConfig tls(ConfigNode node, String notAvailable) {
        if (!node.isPresent() || !(node.value() instanceof java.util.Map<?, ?>)) {
            return null;
        }
        TlsConfig d = TlsConfig.defaults();
        ConfigNode enabledNode = node.get("enabled");
        boolean enabled = Optional.ofNullable(enabledNode.asBool()).orElse(d.enabled());
        if (enabled) {
            enabledNode.error(notAvailable);
        }
        ConfigNode clientAuthNode = node.get("client_auth");
        String clientAuth = Optional.ofNullable(clientAuthNode.asString()).orElse(d.clientAuth());
        if (!CLIENT_AUTH.contains(clientAuth)) {
            clientAuthNode.error("must be one of \"\", request, require_any, verify_if_given, require, got \""
                    + clientAuth + "\"");
            clientAuth = d.clientAuth();
        }
        return new TlsConfig(enabled, node.string("cert_file", d.certFile()), node.string("key_file", d.keyFile()),
                clientAuth, node.string("client_ca_file", d.clientCaFile()));
    }
}

package io.bifrost.adapters.vertx.server;

import io.bifrost.core.config.BackendConfig;
import io.bifrost.core.config.BackendSettings;
import io.bifrost.core.config.ListenAddress;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.net.IpAddress;
import io.bifrost.core.policy.ListenerSocket;
import io.bifrost.core.policy.OpenProxyCheck;
import io.bifrost.core.policy.OpenProxyVerdict;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must hold before the listeners bind: source addresses of {@code direct} backends can be bound ([BKD-011])
 * and the server is not an open proxy on a public address ([SEC-090]). <b>Blocking</b> (it binds test sockets):
 * run on a worker thread.
 */
final class StartupChecks {
    private static final Logger LOG = LoggerFactory.getLogger(StartupChecks.class);

    private StartupChecks() {}

    /**
     * What the checks found when they pass.
     *
     * @param hostAddresses for the destination policy
     * @param exposureWarnings the host-dependent warnings of [SEC-090], as {@code <path>: <message>}, for
     *     {@code GET /api/v1/status} ([SAPI-012])
     */
    record Passed(List<IpAddress> hostAddresses, List<String> exposureWarnings) {
        Passed {
            hostAddresses = List.copyOf(hostAddresses);
            exposureWarnings = List.copyOf(exposureWarnings);
        }
    }

    /** Logs the exposure warnings and returns what the server keeps; throws with every problem's message. */
    static Passed run(ServerConfig config, boolean authRequired, List<IpAddress> hostAddresses) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < config.backends().size(); i++) {
            BackendConfig b = config.backends().get(i);
            if (b.enabled() && b.settings() instanceof BackendSettings.Direct d && d.localAddr() != null) {
                try (Socket probe = new Socket()) {
                    probe.bind(new InetSocketAddress(d.localAddr().toInetAddress(), 0));
                } catch (IOException e) {
                    problems.add("backends[" + i + "].config.local_addr: cannot bind " + d.localAddr() + ": "
                            + e.getMessage());
                }
            }
        }
        OpenProxyVerdict verdict = new OpenProxyCheck(proxySockets(config), authRequired,
                config.accessControl().whitelist(), config.server().allowOpenProxy(), hostAddresses).verdict();
        verdict.warnings().forEach(w -> LOG.warn("{}", w));
        if (verdict instanceof OpenProxyVerdict.Refuse refuse) {
            problems.add(refuse.message());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems));
        }
        return new Passed(hostAddresses, verdict.warnings());
    }

    /** The proxy listeners as configured, for the open-proxy rule of [SEC-090]. */
    static List<ListenerSocket> proxySockets(ServerConfig config) {
        List<ListenerSocket> out = new ArrayList<>();
        add(out, "server.http.listen", config.server().http().listen(), config.server().http().listen().port());
        add(out, "server.socks5.listen", config.server().socks5().listen(), config.server().socks5().listen().port());
        return out;
    }

    /** The server's own sockets with their bound ports ([SEC-060]); port 0 where nothing is bound yet. */
    static List<ListenerSocket> ownSockets(ServerConfig config, ProxyListeners listeners, int apiPort,
            int metricsPort) {
        List<ListenerSocket> out = new ArrayList<>();
        add(out, "server.http.listen", config.server().http().listen(),
                listeners.httpAddress().map(a -> a.port()).orElse(0));
        add(out, "server.socks5.listen", config.server().socks5().listen(),
                listeners.socks5Address().map(a -> a.port()).orElse(0));
        if (config.api().enabled()) {
            add(out, "api.listen", config.api().listen(), apiPort > 0 ? apiPort : config.api().listen().port());
        }
        if (config.metrics().enabled()) {
            add(out, "metrics.listen", config.metrics().listen(), metricsPort);
        }
        return out;
    }

    private static void add(List<ListenerSocket> out, String path, ListenAddress listen, int port) {
        if (listen.isDisabled()) {
            return;
        }
        IpAddress host = listen.coversAllInterfaces() ? null : listen.ip().orElse(null);
        out.add(host == null ? ListenerSocket.allInterfaces(path, port) : new ListenerSocket(path, host, port));
    }
}

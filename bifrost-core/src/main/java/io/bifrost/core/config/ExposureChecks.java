package io.bifrost.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks across sections about listeners: address clashes ([CFG-101]) and the exposure warnings of [SEC-090] that do
 * not depend on the host's interfaces (the refuse-to-start check with real interface addresses is done at start-up).
 */
final class ExposureChecks {
    static final int MIN_TOKEN_LENGTH = 16;

    private record Listener(String path, ListenAddress address) {}

    private ExposureChecks() {}

    static void server(ServerConfig config, ReadContext ctx) {
        List<Listener> listeners = new ArrayList<>();
        listeners.add(new Listener("server.http.listen", config.server().http().listen()));
        listeners.add(new Listener("server.socks5.listen", config.server().socks5().listen()));
        if (config.api().enabled()) {
            listeners.add(new Listener("api.listen", config.api().listen()));
        }
        if (config.metrics().enabled()) {
            listeners.add(new Listener("metrics.listen", config.metrics().listen()));
        }
        clashes(listeners, ctx);
        boolean open = !config.auth().authenticationRequired() && config.accessControl().whitelist().isEmpty();
        for (Listener proxy : listeners.subList(0, 2)) {
            ListenAddress a = proxy.address();
            if (open && !a.isDisabled() && !a.isLoopback()) {
                String where = a.coversAllInterfaces() ? "on all interfaces" : "on a non-loopback address";
                ctx.warning(proxy.path(), "proxy accepts unauthenticated clients " + where + " (\"" + a + "\")");
            }
        }
        api(config.api(), ctx);
    }

    static void client(ClientConfig config, ReadContext ctx) {
        List<Listener> listeners = new ArrayList<>();
        listeners.add(new Listener("proxy.http.listen", config.proxy().http().listen()));
        listeners.add(new Listener("proxy.socks5.listen", config.proxy().socks5().listen()));
        if (config.api().enabled()) {
            listeners.add(new Listener("api.listen", config.api().listen()));
        }
        clashes(listeners, ctx);
        for (Listener proxy : listeners.subList(0, 2)) {
            if (!proxy.address().isDisabled() && !proxy.address().isLoopback()) {
                ctx.warning(proxy.path(), "local proxy is reachable from the network without authentication");
            }
        }
        api(config.api(), ctx);
    }

    /** No two listeners on the same socket; port 0 excepted ([CFG-101]). Reported at the later listener. */
    private static void clashes(List<Listener> listeners, ReadContext ctx) {
        for (int i = 1; i < listeners.size(); i++) {
            for (int j = 0; j < i; j++) {
                Listener later = listeners.get(i);
                Listener earlier = listeners.get(j);
                if (later.address().conflictsWith(earlier.address())) {
                    ctx.error(later.path(), "address \"" + later.address() + "\" is already used by " + earlier.path());
                    break;
                }
            }
        }
    }

    private static void api(ApiConfig api, ReadContext ctx) {
        ListenAddress listen = api.listen();
        if (api.enabled() && !listen.isDisabled() && !listen.isLoopback() && api.token().isEmpty()) {
            ctx.warning("api.listen", "management API is reachable from the network without a token");
        }
        if (!api.token().isEmpty() && api.token().length() < MIN_TOKEN_LENGTH) {
            ctx.warning("api.token", "token is shorter than " + MIN_TOKEN_LENGTH + " characters");
        }
    }
}

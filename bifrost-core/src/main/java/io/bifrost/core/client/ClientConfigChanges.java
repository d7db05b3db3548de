package io.bifrost.core.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ApiConfig;
import io.bifrost.core.config.AutoUpdateConfig;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.LaterPhaseSection;
import io.bifrost.core.config.ListenerConfig;
import io.bifrost.core.config.TrayConfig;
import io.bifrost.core.config.UpstreamServerConfig;
import io.bifrost.core.config.WebUiConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a reload or an API update of the client configuration does ([CFG-085]): {@code routes}, the connection fields
 * of {@code server}, {@code servers}, {@code debug} and {@code logging} are hot; every other change waits for a
 * restart and is reported by leaf path ({@code proxy.http.listen}, {@code api.token}) or, for {@code server.health_check},
 * {@code server.tls}, {@code vpn} and {@code mesh}, by sub-section path ({@code vpn.tun}, {@code mesh.enabled}).
 * Stateless and thread-safe.
 */
public final class ClientConfigChanges {
    private ClientConfigChanges() {}

    /** The running configuration after applying {@code next}: its hot fields, and {@code running}'s others. */
    public static ClientConfig applyHot(ClientConfig running, ClientConfig next) {
        requireNonNull(running, "running");
        requireNonNull(next, "next");
        UpstreamServerConfig s = next.server();
        UpstreamServerConfig server = new UpstreamServerConfig(s.address(), s.protocol(), s.username(), s.password(),
                s.timeout(), s.retryCount(), s.retryDelay(), running.server().tls(), running.server().healthCheck());
        return new ClientConfig(running.proxy(), server, next.servers(), next.routes(), next.debug(), next.logging(),
                running.webUi(), running.api(), running.tray(), running.autoUpdate(), running.systemProxy(),
                running.vpn(), running.mesh());
    }

    /** The paths of the restart-only fields that differ between {@code running} and {@code next}, in schema order. */
    public static List<String> restartFields(ClientConfig running, ClientConfig next) {
        requireNonNull(running, "running");
        requireNonNull(next, "next");
        List<String> out = new ArrayList<>();
        listener(out, "proxy.http", running.proxy().http(), next.proxy().http(), true);
        listener(out, "proxy.socks5", running.proxy().socks5(), next.proxy().socks5(), false);
        leaf(out, "server.tls", running.server().tls(), next.server().tls());
        leaf(out, "server.health_check", running.server().healthCheck(), next.server().healthCheck());
        WebUiConfig wa = running.webUi();
        WebUiConfig wb = next.webUi();
        leaf(out, "web_ui.enabled", wa.enabled(), wb.enabled());
        leaf(out, "web_ui.listen", wa.listen(), wb.listen());
        ApiConfig aa = running.api();
        ApiConfig ab = next.api();
        leaf(out, "api.enabled", aa.enabled(), ab.enabled());
        leaf(out, "api.listen", aa.listen(), ab.listen());
        leaf(out, "api.token", aa.token(), ab.token());
        tray(out, running.tray(), next.tray());
        AutoUpdateConfig ua = running.autoUpdate();
        AutoUpdateConfig ub = next.autoUpdate();
        leaf(out, "auto_update.enabled", ua.enabled(), ub.enabled());
        leaf(out, "auto_update.check_interval", ua.checkInterval(), ub.checkInterval());
        leaf(out, "auto_update.channel", ua.channel(), ub.channel());
        laterPhase(out, "system_proxy", running.systemProxy(), next.systemProxy());
        laterPhase(out, "vpn", running.vpn(), next.vpn());
        laterPhase(out, "mesh", running.mesh(), next.mesh());
        return List.copyOf(out);
    }

    private static void listener(List<String> out, String path, ListenerConfig a, ListenerConfig b, boolean http) {
        leaf(out, path + ".listen", a.listen(), b.listen());
        leaf(out, path + ".read_timeout", a.readTimeout(), b.readTimeout());
        if (http) {
            leaf(out, path + ".write_timeout", a.writeTimeout(), b.writeTimeout());
            leaf(out, path + ".idle_timeout", a.idleTimeout(), b.idleTimeout());
        }
        leaf(out, path + ".max_connections", a.maxConnections(), b.maxConnections());
    }

    private static void tray(List<String> out, TrayConfig a, TrayConfig b) {
        leaf(out, "tray.enabled", a.enabled(), b.enabled());
        leaf(out, "tray.start_minimized", a.startMinimized(), b.startMinimized());
        leaf(out, "tray.show_quick_gui", a.showQuickGui(), b.showQuickGui());
        leaf(out, "tray.auto_connect", a.autoConnect(), b.autoConnect());
        leaf(out, "tray.show_notifications", a.showNotifications(), b.showNotifications());
        leaf(out, "tray.window_x", a.windowX(), b.windowX());
        leaf(out, "tray.window_y", a.windowY(), b.windowY());
    }

    /** {@code enabled}, then each key written in either version ({@code vpn.tun}, {@code mesh.discovery}). */
    private static void laterPhase(List<String> out, String section, LaterPhaseSection a, LaterPhaseSection b) {
        leaf(out, section + ".enabled", a.enabled(), b.enabled());
        Set<String> keys = new LinkedHashSet<>(a.raw().keySet());
        keys.addAll(b.raw().keySet());
        keys.remove("enabled");
        for (String key : keys) {
            leaf(out, section + "." + key, a.raw().get(key), b.raw().get(key));
        }
    }

    private static void leaf(List<String> out, String path, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(path);
        }
    }
}

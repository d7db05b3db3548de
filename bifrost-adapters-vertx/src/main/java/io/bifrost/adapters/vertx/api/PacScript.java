package io.bifrost.adapters.vertx.api;

import io.bifrost.core.net.CidrBlock;
import io.bifrost.core.routing.HostPattern;
import io.bifrost.core.routing.Route;
import java.util.List;

/**
 * The proxy auto-configuration text of [SAPI-301], built from the enabled routes in effective order. Routed hosts
 * get the proxy string with no {@code DIRECT} fallback; everything else goes {@code DIRECT}. Pure and stateless.
 */
final class PacScript {
    private static final String HEAD = """
            // Bifrost proxy auto-configuration. Generated from the route table; do not edit.
            function FindProxyForURL(url, host) {
              var h = String(host).toLowerCase();
              if (h.charAt(0) === "[") {
                h = h.substring(1, h.length - 1);
              }
              if (h.length > 1 && h.charAt(h.length - 1) === ".") {
                h = h.substring(0, h.length - 1);
              }
            """;
    private static final String TAIL = """
            }

            function bifrostInNet4(h, net, mask) {
              return /^[0-9]{1,3}(\\.[0-9]{1,3}){3}$/.test(h) && isInNet(h, net, mask);
            }
            """;

    private PacScript() {}

    /**
     * @param proxy the proxy string {@code P}, e.g. {@code PROXY h:7080; SOCKS5 h:7180}
     * @param enabledRoutes enabled routes in effective order ([RTE-030])
     */
    static String of(String proxy, List<Route> enabledRoutes) {
        StringBuilder sb = new StringBuilder(HEAD).append("  var proxy = \"").append(proxy).append("\";\n");
        boolean everything = enabledRoutes.stream().anyMatch(Route::matchesEveryHost);
        if (!everything) {
            enabledRoutes.forEach(r -> block(sb, r));
        }
        sb.append(everything ? "  return proxy;\n" : "  return \"DIRECT\";\n");
        return sb.append(TAIL).toString();
    }

    /** {@code PROXY <host>:<http>; SOCKS5 <host>:<socks>}, or only the listener that runs. */
    static String proxyString(String host, Integer httpPort, Integer socksPort) {
        String http = httpPort == null ? null : "PROXY " + host + ":" + httpPort;
        String socks = socksPort == null ? null : "SOCKS5 " + host + ":" + socksPort;
        if (http != null && socks != null) {
            return http + "; " + socks;
        }
        return http != null ? http : socks != null ? socks : "DIRECT";
    }

    private static void block(StringBuilder sb, Route route) {
        sb.append("  // route \"").append(route.name()).append("\" (priority ").append(route.priority())
                .append(")\n");
        for (HostPattern p : route.domains()) {
            sb.append(line(p)).append('\n');
        }
    }

    private static String line(HostPattern p) {
        if (p instanceof HostPattern.Domain d) {
            return "  if (/" + d.regexSource() + "/.test(h)) return proxy;";
        }
        if (p instanceof HostPattern.Ip ip) {
            return "  if (h === \"" + ip.address() + "\") return proxy;";
        }
        if (p instanceof HostPattern.Cidr c && c.block().network().isV4()) {
            return "  if (bifrostInNet4(h, \"" + c.block().network() + "\", \"" + mask(c.block())
                    + "\")) return proxy;";
        }
        return "  // IPv6 range " + p.text() + " cannot be expressed in PAC; not included";
    }

    private static String mask(CidrBlock block) {
        long bits = block.prefixLength() == 0 ? 0 : (0xFFFFFFFFL << (32 - block.prefixLength())) & 0xFFFFFFFFL;
        return (bits >>> 24) + "." + (bits >>> 16 & 0xFF) + "." + (bits >>> 8 & 0xFF) + "." + (bits & 0xFF);
    }
}

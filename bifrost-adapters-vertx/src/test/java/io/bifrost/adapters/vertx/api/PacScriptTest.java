package io.bifrost.adapters.vertx.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.backend.LoadBalanceStrategy;
import io.bifrost.core.routing.HostPattern;
import io.bifrost.core.routing.Route;
import io.bifrost.core.routing.RouteTable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PacScriptTest {
    private static final String SPEC_EXAMPLE = """
            // Bifrost proxy auto-configuration. Generated from the route table; do not edit.
            function FindProxyForURL(url, host) {
              var h = String(host).toLowerCase();
              if (h.charAt(0) === "[") {
                h = h.substring(1, h.length - 1);
              }
              if (h.length > 1 && h.charAt(h.length - 1) === ".") {
                h = h.substring(0, h.length - 1);
              }
              var proxy = "PROXY proxy.example.net:7080; SOCKS5 proxy.example.net:7180";
              // route "corp" (priority 100)
              if (/^(?:[^.]+\\.)*corp\\.example\\.com$/.test(h)) return proxy;
              if (/^intranet(?:\\.[^.]+)+$/.test(h)) return proxy;
              // route "lan" (priority 50)
              if (bifrostInNet4(h, "10.0.0.0", "255.0.0.0")) return proxy;
              if (h === "2001:db8::10") return proxy;
              // IPv6 range 2001:db8:100::/48 cannot be expressed in PAC; not included
              return "DIRECT";
            }

            function bifrostInNet4(h, net, mask) {
              return /^[0-9]{1,3}(\\.[0-9]{1,3}){3}$/.test(h) && isInNet(h, net, mask);
            }
            """;

    private static Route route(String name, int priority, boolean enabled, String... patterns) {
        return new Route(name, Arrays.stream(patterns).map(HostPattern::parse).toList(), List.of("direct"),
                LoadBalanceStrategy.ROUND_ROBIN, Map.of(), priority, enabled, new SplittableRandom(1));
    }

    private static String pac(String proxy, Route... inFileOrder) {
        return PacScript.of(proxy, RouteTable.of(List.of(inFileOrder)).enabledRoutes());
    }

    @Test
    void of_specExample_isExactText() {
        String proxy = PacScript.proxyString("proxy.example.net", 7080, 7180);

        String text = pac(proxy, route("lan", 50, true, "10.0.0.0/8", "2001:db8::10", "2001:db8:100::/48"),
                route("corp", 100, true, "*.corp.example.com", "intranet.*"));

        assertThat(text).isEqualTo(SPEC_EXAMPLE);
    }

    @Test
    void of_catchAllRoute_hasNoBlocksAndReturnsProxy() {
        String text = pac("PROXY h:1", route("corp", 100, true, "*.corp.example.com"), route("all", 0, true, "*"));

        assertThat(text).doesNotContain("// route").contains("  return proxy;\n}").doesNotContain("return \"DIRECT\"");
    }

    @Test
    void of_disabledRoutesAndNoRoutes_haveNoBlocks() {
        String none = pac("PROXY h:1");
        String disabled = pac("PROXY h:1", route("off", 5, false, "example.com"), route("all", 0, false, "*"));

        assertThat(none).doesNotContain("// route").contains("  return \"DIRECT\";\n}");
        assertThat(disabled).isEqualTo(none);
    }

    @Test
    void of_ipv4LiteralAndMasks_areExact() {
        String text = pac("PROXY h:1", route("r", 1, true, "192.0.2.7", "198.51.100.0/24", "203.0.113.9/32",
                "0.0.0.0/0", "example.com"));

        assertThat(text).contains("""
                  // route "r" (priority 1)
                  if (h === "192.0.2.7") return proxy;
                  if (bifrostInNet4(h, "198.51.100.0", "255.255.255.0")) return proxy;
                  if (bifrostInNet4(h, "203.0.113.9", "255.255.255.255")) return proxy;
                  if (bifrostInNet4(h, "0.0.0.0", "0.0.0.0")) return proxy;
                  if (/^example\\.com$/.test(h)) return proxy;
                """);
    }

    @Test
    void proxyString_onlyTheListenersThatRun() {
        assertThat(PacScript.proxyString("[2001:db8::1]", 7080, null)).isEqualTo("PROXY [2001:db8::1]:7080");
        assertThat(PacScript.proxyString("h", null, 7180)).isEqualTo("SOCKS5 h:7180");
        assertThat(PacScript.proxyString("h", 1, 2)).isEqualTo("PROXY h:1; SOCKS5 h:2");
    }
}

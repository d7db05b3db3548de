package io.bifrost.app.client.proxy;

import static io.bifrost.testkit.client.BifrostClientExtension.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.adapters.vertx.config.YamlConfigParser;
import io.bifrost.adapters.vertx.control.ClientControl;
import io.bifrost.adapters.vertx.control.ControlException;
import io.bifrost.app.client.Poll;
import io.bifrost.core.client.ClientRouteDecision;
import io.bifrost.core.client.DebugEntry;
import io.bifrost.core.client.ServerReachability.Status;
import io.bifrost.core.client.UpstreamServer;
import io.bifrost.core.config.ClientRouteConfig;
import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.core.event.ConnectionOpened;
import io.bifrost.core.routing.RoutingKey;
import io.bifrost.testkit.FakePorts;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The control seam the client API is built on ([CAPI-040], [CAPI-041], [CAPI-052], [CAPI-075], [CAPI-090]). */
class ClientControlIT {
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension serverA = BifrostServerExtension.withConfig(TestConfigs::directEverywhere);

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension serverB = BifrostServerExtension.withConfig(TestConfigs::directEverywhere);

    @RegisterExtension
    @Order(3)
    final BifrostClientExtension client = BifrostClientExtension.withConfig(() -> config("""
            routes:
              - name: local
                domains: ["localhost"]
                action: direct
                priority: 10
              - name: rest
                domains: ["*"]
                action: server
            """));

    private static String config(String routes) {
        return ClientTestConfigs.client(ClientTestConfigs.server(serverA.httpProxy(), "http") + """
                servers:
                  - name: b
                    address: "%s"
                  - name: nowhere
                    address: "127.0.0.1:%d"
                """.formatted(hostPort(serverB.httpProxy()), FakePorts.closedPort()) + routes);
    }

    private static String hostPort(InetSocketAddress a) {
        return a.getHostString() + ":" + a.getPort();
    }

    private int getThroughClient(String host) throws Exception {
        try (Wire wire = new Wire(client.httpProxy())) {
            wire.send("GET http://" + host + ":" + origin.get().port() + "/hello HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n");
            return wire.response().status();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> savedServers() throws Exception {
        Map<String, Object> tree = (Map<String, Object>) YamlConfigParser.parse(
                Files.readString(client.configFile())).config();
        return (List<Map<String, Object>>) tree.get("servers");
    }

    @Test
    void select_namedServer_persistsTheChoiceAndNewConnectionsUseIt() throws Exception {
        assertThat(getThroughClient("127.0.0.1")).isEqualTo(200);
        assertThat(serverA.events().ofType(ConnectionOpened.class)).hasSize(1);

        UpstreamServer selected = await(client.control().select("b"));

        assertThat(selected.name()).isEqualTo("b");
        assertThat(savedServers().get(0)).containsEntry("name", "b").containsEntry("is_default", true);
        assertThat(savedServers().get(1)).doesNotContainKey("is_default");
        assertThat(client.control().servers()).filteredOn(ClientControl.UpstreamStatus::selected)
                .extracting(s -> s.server().name()).containsExactly("b");
        assertThat(getThroughClient("127.0.0.1")).isEqualTo(200);
        assertThat(serverB.events().ofType(ConnectionOpened.class)).hasSize(1);
        assertThat(serverA.events().ofType(ConnectionOpened.class)).hasSize(1);

        await(client.control().select("default"));

        assertThat(savedServers().get(0)).containsEntry("is_default", false);
        assertThat(client.control().activeServer()).map(UpstreamServer::name).contains("default");
        assertThat(client.control().current().servers().get(0).isDefault()).isFalse();
    }

    @Test
    void select_unknownName_isServerNotFoundAndChangesNothing() throws Exception {
        String before = Files.readString(client.configFile());

        assertThatThrownBy(() -> await(client.control().select("mars")))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ControlException.Code.SERVER_NOT_FOUND);
                    assertThat(e.subject()).containsEntry("server", "mars");
                });
        assertThat(Files.readString(client.configFile())).isEqualTo(before);
    }

    @Test
    void servers_defaultFirst_withProbeStatusAndLatency() {
        Poll.until("every upstream probed", () -> client.control().servers().stream()
                .noneMatch(s -> s.status() == Status.UNKNOWN));

        List<ClientControl.UpstreamStatus> servers = client.control().servers();

        assertThat(servers).extracting(s -> s.server().name()).containsExactly("default", "b", "nowhere");
        assertThat(servers).extracting(ClientControl.UpstreamStatus::status)
                .containsExactly(Status.REACHABLE, Status.REACHABLE, Status.UNREACHABLE);
        assertThat(servers.get(0).selected()).isTrue();
        assertThat(servers.get(0).latency()).isNotNull();
        assertThat(servers.get(2).latency()).isNull();
        assertThat(client.control().serverConnected()).isTrue();
    }

    @Test
    void reload_changedRoutesApplyLive_restartOnlyFieldsAreReported() throws Exception {
        assertThat(getThroughClient("localhost")).isEqualTo(200);
        assertThat(serverA.events().ofType(ConnectionOpened.class)).isEmpty();
        client.rewrite(config("""
                routes:
                  - name: everything
                    domains: ["*"]
                    action: server
                """).replace("proxy:\n  http:\n    listen: \"127.0.0.1:0\"",
                "proxy:\n  http:\n    listen: \"127.0.0.1:0\"\n    read_timeout: \"10s\""));

        ClientControl.Applied applied = await(client.control().reload());

        assertThat(applied.restartFields()).containsExactly("proxy.http.read_timeout");
        assertThat(client.control().restartFields()).containsExactly("proxy.http.read_timeout");
        assertThat(client.control().routes()).extracting(ClientRouteConfig::name).containsExactly("everything");
        assertThat(getThroughClient("localhost")).isEqualTo(200);
        assertThat(serverA.events().ofType(ConnectionOpened.class)).hasSize(1);
    }

    @Test
    void reload_invalidFile_isReloadFailedAndChangesNothing() {
        client.rewrite(config("""
                routes:
                  - domains: ["*"]
                    action: proxy
                """));

        assertThatThrownBy(() -> await(client.control().reload()))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ControlException.Code.RELOAD_FAILED);
                    assertThat(e.problems()).extracting(Object::toString)
                            .anyMatch(p -> p.startsWith("routes[0].action"));
                });
        assertThat(client.control().routes()).extracting(ClientRouteConfig::name).containsExactly("local", "rest");
    }

    @Test
    void save_invalidTree_isValidationFailedAndNothingIsWritten() throws Exception {
        String before = Files.readString(client.configFile());

        assertThatThrownBy(() -> await(client.control().save(Map.of("server", Map.of("retry_count", 99)))))
                .isInstanceOfSatisfying(ControlException.class, e ->
                        assertThat(e.code()).isEqualTo(ControlException.Code.VALIDATION_FAILED));
        assertThat(Files.readString(client.configFile())).isEqualTo(before);
    }

    @Test
    void testRoute_namesRouteAndPatternOrTheFallback() {
        ClientRouteDecision local = client.control().testRoute(RoutingKey.parse("LOCALHOST.").orElseThrow());
        ClientRouteDecision rest = client.control().testRoute(RoutingKey.parse("example.org").orElseThrow());

        assertThat(local.action()).isEqualTo(Action.DIRECT);
        assertThat(local.routeName()).contains("local");
        assertThat(local.patternText()).contains("localhost");
        assertThat(rest.action()).isEqualTo(Action.SERVER);
        assertThat(rest.patternText()).contains("*");
        assertThat(rest.isFallback()).isFalse();
    }

    @Test
    void connect_directOnlyClient_isValidationFailedNamingServerAddress() {
        client.restart(ClientTestConfigs.client(""));

        assertThatThrownBy(() -> await(client.control().connect()))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ControlException.Code.VALIDATION_FAILED);
                    assertThat(e.problems()).extracting(Object::toString)
                            .containsExactly("server.address: no server configured");
                });
        assertThat(client.control().degraded()).isFalse();
        assertThat(client.control().testRoute(RoutingKey.parse("example.org").orElseThrow()))
                .isEqualTo(ClientRouteDecision.fallback(Action.DIRECT));
    }

    @Test
    void serverRoute_noUpstreamConfigured_isNoBackendLocally() throws Exception {
        client.restart(ClientTestConfigs.client("""
                routes:
                  - domains: ["*"]
                    action: server
                """));

        try (Wire wire = new Wire(client.httpProxy())) {
            Wire.Response response = wire.connect("example.com:443");

            assertThat(response.status()).isEqualTo(503); // [PRX-126]
            assertThat(response.header("x-bifrost-error")).isEqualTo("no_backend");
            assertThat(response.body()).isEqualTo("Bifrost: no server configured\n");
        }
        try (Wire socks = new Wire(client.socks5Proxy())) {
            assertThat(socks.socks5("example.com", 443).rep()).isEqualTo(0x01);
        }
    }

    @Test
    void debugger_entryCarriesClientAddressAndSubscribersSeeIt() throws Exception {
        List<DebugEntry> streamed = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.client().debugger().subscribe(streamed::add);
        int localPort;
        try (Wire wire = new Wire(client.httpProxy())) {
            localPort = wire.localPort();
            wire.send("GET http://localhost:" + origin.get().port() + "/hello HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(wire.response().status()).isEqualTo(200);
        }
        Poll.until("the entry is streamed", () -> !streamed.isEmpty());

        DebugEntry entry = streamed.get(0);
        assertThat(entry).isEqualTo(client.client().debugger().last(1).get(0));
        assertThat(entry.clientAddress()).isEqualTo("127.0.0.1:" + localPort);
        assertThat(entry.record().method()).isEqualTo("GET");
        assertThat(entry.record().path()).isEqualTo("/hello");
        assertThat(entry.record().bytesSent()).isPositive();
        assertThat(entry.record().bytesReceived()).isPositive();
        assertThat(client.client().traffic().total().totalConnections()).isEqualTo(1);
    }
}

package io.bifrost.app.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.core.event.ConnectionClosed;
import io.bifrost.core.event.RequestCompleted;
import io.bifrost.core.traffic.ErrorCode;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What traffic leaves behind: stats ([SAPI-013]), the request log ([SAPI-200]-[SAPI-202]) and connections
 * ([SAPI-220]-[SAPI-222]).
 */
class TrafficIT {
    private static final String ESTABLISHED = "HTTP/1.1 200 Connection established\r\n\r\n";

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(TestConfigs::directEverywhere);

    private final HttpClient viaProxy = HttpClient.newBuilder().proxy(ProxySelector.of(bifrost.httpProxy())).build();
    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(bifrost.api(), null);
    }

    /** The listed connections of these client sockets (other tests leave keep-alive connections open). */
    private static List<JsonObject> of(JsonObject listing, RawSocket... sockets) {
        Set<Integer> ports = Arrays.stream(sockets).map(RawSocket::localPort).collect(Collectors.toSet());
        return listing.getJsonArray("connections").stream().map(JsonObject.class::cast)
                .filter(c -> ports.contains(c.getInteger("client_port"))).toList();
    }

    private void proxiedGets(String... queries) throws Exception {
        for (String q : queries) {
            HttpResponse<String> r = viaProxy.send(HttpRequest.newBuilder(URI.create(origin.get().url("/hello?" + q)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
        for (String q : queries) {
            bifrost.events().await(RequestCompleted.class, e -> e.record().url().endsWith("?" + q), 1,
                    Duration.ofSeconds(5));
        }
    }

    private RawSocket tunnel() throws Exception {
        RawSocket socket = new RawSocket(bifrost.httpProxy());
        socket.send("CONNECT 127.0.0.1:" + echo.get().port() + " HTTP/1.1\r\n\r\nping");
        assertThat(socket.read(ESTABLISHED.length() + 4)).isEqualTo(ESTABLISHED + "ping");
        return socket;
    }

    @Test
    void requests_newestFirst_withEntryMembers_andPaging() throws Exception {
        api.send("DELETE", "/api/v1/requests", null);
        proxiedGets("page=1", "page=2", "page=3");

        JsonObject page = api.get("/api/v1/requests?limit=2").json();
        JsonObject second = api.get("/api/v1/requests?limit=1&offset=1").json();
        JsonArray all = api.get("/api/v1/requests").json().getJsonArray("requests");
        long oldest = all.getJsonObject(2).getLong("id");
        JsonObject since = api.get("/api/v1/requests?since=" + oldest).json();

        assertThat(page.fieldNames()).containsExactly("enabled", "requests", "total", "limit", "offset");
        assertThat(page.getInteger("total")).isEqualTo(3);
        assertThat(page.getInteger("limit")).isEqualTo(2);
        JsonObject newest = page.getJsonArray("requests").getJsonObject(0);
        assertThat(newest.getString("url")).isEqualTo(origin.get().url("/hello?page=3"));
        assertThat(newest.fieldNames()).containsExactly("id", "timestamp", "request_id", "protocol", "method", "host",
                "port", "path", "url", "user_agent", "client_ip", "route", "backend", "status_code", "bytes_sent",
                "bytes_received", "duration_ms");
        assertThat(newest.getString("protocol")).isEqualTo("HTTP");
        assertThat(newest.getString("path")).isEqualTo("/hello");
        assertThat(newest.getString("request_id")).matches("\\d{14}-\\d+/\\d+");
        assertThat(newest.getString("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(newest.getInteger("status_code")).isEqualTo(200);
        assertThat(newest.getString("route")).isEqualTo("route-1");
        assertThat(second.getJsonArray("requests").getJsonObject(0).getString("url")).endsWith("page=2");
        assertThat(since.getInteger("total")).isEqualTo(2);
        assertThat(all.getJsonObject(0).getLong("id")).isGreaterThan(all.getJsonObject(1).getLong("id"));
    }

    @Test
    void requests_invalidParameters_are400NamingThem() {
        for (String q : new String[] {"limit=0", "limit=1001", "limit=ten", "offset=-1", "offset=1.5", "since=x",
                "limit="}) {
            JsonObject e = api.get("/api/v1/requests?" + q).assertError(400, "INVALID_PARAMETER");
            assertThat(e.getString("message")).startsWith(q.substring(0, q.indexOf('=')) + ":");
        }
    }

    @Test
    void requests_statsAndClear_idsKeepGrowing() throws Exception {
        proxiedGets("a=1");
        JsonObject before = api.get("/api/v1/requests/stats").json();

        var cleared = api.send("DELETE", "/api/v1/requests", null);
        JsonObject empty = api.get("/api/v1/requests/stats").json();
        proxiedGets("b=2");
        long next = api.get("/api/v1/requests").json().getJsonArray("requests").getJsonObject(0).getLong("id");

        assertThat(before.getBoolean("enabled")).isTrue();
        assertThat(before.getInteger("max_size")).isEqualTo(1000);
        assertThat(before.getLong("newest_id")).isGreaterThanOrEqualTo(before.getLong("oldest_id"));
        assertThat(cleared.status()).isEqualTo(204);
        assertThat(empty.fieldNames()).containsExactly("enabled", "count", "max_size", "total_recorded");
        assertThat(empty.getInteger("count")).isZero();
        assertThat(empty.getLong("total_recorded")).isEqualTo(before.getLong("total_recorded"));
        assertThat(next).isGreaterThan(before.getLong("newest_id"));
    }

    @Test
    void stats_countProxiedTraffic() throws Exception {
        JsonObject before = api.get("/api/v1/stats").json();
        proxiedGets("s=1");
        JsonObject after = api.get("/api/v1/stats").json();

        assertThat(after.fieldNames()).containsExactly("total_connections", "active_connections", "total_requests",
                "failed_requests", "bytes_sent", "bytes_received", "backends", "time");
        assertThat(after.getLong("total_requests")).isEqualTo(before.getLong("total_requests") + 1);
        assertThat(after.getLong("bytes_sent")).isGreaterThan(before.getLong("bytes_sent"));
        assertThat(after.getLong("bytes_received")).isGreaterThan(before.getLong("bytes_received"));
    }

    @Test
    void status_listsBoundListeners_andVersionComesFromTheBuild() {
        JsonObject status = api.get("/api/v1/status").json();
        JsonObject version = api.get("/api/v1/version").json();

        assertThat(status.getJsonObject("listeners").getString("http"))
                .isEqualTo("127.0.0.1:" + bifrost.httpProxy().getPort());
        assertThat(status.getJsonObject("listeners").getString("socks5"))
                .isEqualTo("127.0.0.1:" + bifrost.socks5Proxy().getPort());
        assertThat(status.getJsonObject("listeners").getString("api"))
                .isEqualTo("127.0.0.1:" + bifrost.api().getPort());
        assertThat(status.getJsonObject("listeners").getString("metrics")) // the bound port, not ":0" ([SAPI-012])
                .isEqualTo("127.0.0.1:" + bifrost.server().metricsAddress().orElseThrow().port());
        assertThat(status.getString("status")).isEqualTo("running");
        assertThat(status.getInteger("routes")).isEqualTo(1);
        assertThat(status.getBoolean("auth_required")).isFalse();
        assertThat(version.getString("version")).isEqualTo(BuildInfo.fromClasspath().version()).doesNotContain("$");
    }

    @Test
    void connections_listedWhileOpen_groupedByClient_filteredByIp() throws Exception {
        try (RawSocket first = tunnel(); RawSocket second = tunnel()) {
            JsonObject list = api.get("/api/v1/connections").json();
            JsonObject mine = api.get("/api/v1/connections?client_ip=127.0.0.1").json();
            JsonObject others = api.get("/api/v1/connections?client_ip=192.0.2.1").json();
            JsonObject clients = api.get("/api/v1/connections/clients").json();

            List<JsonObject> tunnels = of(list, first, second);
            assertThat(tunnels).hasSize(2);
            assertThat(list.getInteger("count")).isEqualTo(list.getJsonArray("connections").size());
            JsonObject c = tunnels.get(0);
            assertThat(tunnels.get(1).getInteger("client_port")).isEqualTo(second.localPort()); // oldest first
            assertThat(c.fieldNames()).containsExactly("id", "client_ip", "client_port", "protocol", "host", "port",
                    "route", "backend", "start_time", "requests", "bytes_sent", "bytes_received");
            assertThat(c.getString("id")).matches("\\d{14}-\\d+");
            assertThat(c.getInteger("client_port")).isEqualTo(first.localPort());
            assertThat(c.getString("protocol")).isEqualTo("CONNECT");
            assertThat(c.getInteger("port")).isEqualTo(echo.get().port());
            assertThat(c.getLong("requests")).isEqualTo(1);
            assertThat(of(mine, first, second)).hasSize(2);
            assertThat(others.getJsonArray("connections")).isEmpty();
            assertThat(clients.getJsonArray("clients")).hasSize(1);
            JsonObject client = clients.getJsonArray("clients").getJsonObject(0);
            assertThat(client.getString("client_ip")).isEqualTo("127.0.0.1");
            assertThat(client.getInteger("connections")).isEqualTo(mine.getInteger("count"));
            assertThat(client.getString("first_seen")).isEqualTo(mine.getJsonArray("connections").getJsonObject(0)
                    .getString("start_time"));
        }
        api.get("/api/v1/connections?client_ip=not-an-ip").assertError(400, "INVALID_PARAMETER");
    }

    @Test
    void deleteConnection_closesItAndRecordsClosedByApi() throws Exception {
        try (RawSocket socket = tunnel()) {
            String id = of(api.get("/api/v1/connections").json(), socket).get(0).getString("id");

            var deleted = api.send("DELETE", "/api/v1/connections/" + id, null);

            assertThat(deleted.status()).isEqualTo(204);
            assertThat(socket.readByte()).isEqualTo(-1);
            ConnectionClosed closed = bifrost.events().await(ConnectionClosed.class,
                    e -> e.connection().id().equals(id), 1, Duration.ofSeconds(5)).get(0);
            assertThat(closed.error()).isEqualTo(ErrorCode.CLOSED_BY_API);
            // [PRX-101]: the tunnel's request record says why it ended, in the request log too
            RequestCompleted tunnelRecord = bifrost.events().await(RequestCompleted.class,
                    e -> "CONNECT".equals(e.record().method()) && e.record().error() == ErrorCode.CLOSED_BY_API,
                    1, Duration.ofSeconds(5)).get(0);
            assertThat(tunnelRecord.record().statusCode()).isEqualTo(200);
            assertThat(api.get("/api/v1/requests").json().getJsonArray("requests").stream()
                    .map(JsonObject.class::cast).filter(r -> "CONNECT".equals(r.getString("method"))))
                    .anySatisfy(r -> assertThat(r.getString("error")).isEqualTo("closed_by_api"));
            JsonObject again = api.send("DELETE", "/api/v1/connections/" + id, null)
                    .assertError(404, "CONNECTION_NOT_FOUND");
            assertThat(again.getString("id")).isEqualTo(id);
        }
    }
}

package io.bifrost.adapters.vertx.clientapi;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.api.ApiJson;
import io.bifrost.adapters.vertx.api.Endpoints;
import io.bifrost.core.client.UpstreamServer;
import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.traffic.TrafficCounters;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Health, version and status of the client ([CAPI-010]-[CAPI-013]). */
final class ClientStatusResource {
    private final ClientApiContext api;

    ClientStatusResource(ClientApiContext api) {
        this.api = requireNonNull(api, "api");
    }

    void register(Endpoints endpoints) {
        endpoints.json(HttpMethod.GET, "/api/v1/health", ctx -> ApiJson.health(api.client().shuttingDown(),
                api.control().degraded(), api.clock().instant()));
        endpoints.json(HttpMethod.GET, "/api/v1/version", ctx -> Future.succeededFuture(ApiJson.version(api.build())));
        endpoints.json(HttpMethod.GET, "/api/v1/status", ctx -> Future.succeededFuture(status()));
    }

    private JsonObject status() {
        Instant now = api.clock().instant();
        long uptime = api.client().startedAt().map(t -> Math.max(0, Duration.between(t, now).toSeconds())).orElse(0L);
        Optional<UpstreamServer> active = api.control().activeServer();
        TrafficCounters traffic = api.client().traffic();
        return new JsonObject().put("status", "running").put("time", ApiJson.time(now))
                .put("version", api.build().version())
                .put("connection_state", api.control().state().name().toLowerCase(Locale.ROOT))
                .put("server_connected", api.control().serverConnected())
                .put("server_name", active.map(UpstreamServer::name).orElse(""))
                .put("server_address", active.map(u -> u.address().toString()).orElse(""))
                .put("server_protocol", active.map(u -> u.protocol())
                        .orElse(api.control().running().server().protocol()).wireName())
                .put("http_proxy", api.client().httpAddress().map(ClientStatusResource::text).orElse(""))
                .put("socks5_proxy", api.client().socks5Address().map(ClientStatusResource::text).orElse(""))
                .put("vpn_enabled", false).put("vpn_status", "disabled")
                .put("debug_entries", api.debugger().size())
                .put("uptime", ApiJson.uptime(uptime)).put("uptime_seconds", uptime)
                .put("bytes_sent", traffic.bytesSent()).put("bytes_received", traffic.bytesReceived())
                .put("active_connections", traffic.activeConnections())
                .put("total_connections", traffic.totalConnections())
                .put("warnings", ApiJson.strings(api.control().warnings().stream().map(ConfigProblem::toString)
                        .toList()));
    }

    /** {@code 127.0.0.1:7380}, {@code [::1]:7380}. */
    static String text(SocketAddress address) {
        String host = address.host();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.port();
    }
}

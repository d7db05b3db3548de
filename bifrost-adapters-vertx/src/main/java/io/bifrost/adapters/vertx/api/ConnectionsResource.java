package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.net.IpAddress;
import io.bifrost.core.traffic.ConnectionSnapshot;
import io.bifrost.core.traffic.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/connections} ([SAPI-220]-[SAPI-222]). */
final class ConnectionsResource {
    private final ApiContext api;

    ConnectionsResource(ApiContext api) {
        this.api = requireNonNull(api, "api");
    }

    void register(Endpoints endpoints) {
        endpoints.json(HttpMethod.GET, "/api/v1/connections", ctx -> Future.succeededFuture(list(ctx)));
        endpoints.json(HttpMethod.GET, "/api/v1/connections/clients", ctx -> Future.succeededFuture(clients()));
        endpoints.json(HttpMethod.DELETE, "/api/v1/connections/:id", this::close);
    }

    private JsonObject list(RoutingContext ctx) {
        String filter = ctx.request().getParam("client_ip");
        String ip = filter == null ? null : IpAddress.parse(filter).map(IpAddress::toString).orElseThrow(
                () -> ApiException.invalidParameter("client_ip: \"" + filter + "\" (expected: an IP address)"));
        JsonArray out = new JsonArray();
        for (ConnectionSnapshot c : api.connections().snapshots()) {
            if (ip == null || ip.equals(c.clientIp())) {
                out.add(connection(c));
            }
        }
        return new JsonObject().put("connections", out).put("count", out.size())
                .put("time", ApiJson.time(api.clock().instant()));
    }

    static JsonObject connection(ConnectionSnapshot c) {
        JsonObject out = new JsonObject().put("id", c.id()).put("client_ip", c.clientIp())
                .put("client_port", c.clientPort()).put("protocol", c.protocol().name()).put("host", c.host())
                .put("port", c.port()).put("route", c.route()).put("backend", c.backend());
        if (c.username() != null) {
            out.put("username", c.username());
        }
        return out.put("start_time", ApiJson.time(c.startTime())).put("requests", c.requests())
                .put("bytes_sent", c.bytesSent()).put("bytes_received", c.bytesReceived());
    }

    /** [SAPI-221]: grouped by client IP, most connections first (ties by address). */
    private JsonObject clients() {
        Map<String, Client> byIp = new LinkedHashMap<>();
        for (ConnectionSnapshot c : api.connections().snapshots()) {
            byIp.computeIfAbsent(c.clientIp(), Client::new).add(c);
        }
        List<Client> sorted = new ArrayList<>(byIp.values());
        sorted.sort(Comparator.comparingInt((Client c) -> -c.connections).thenComparing(c -> c.ip));
        JsonArray out = new JsonArray();
        sorted.forEach(c -> out.add(new JsonObject().put("client_ip", c.ip).put("connections", c.connections)
                .put("bytes_sent", c.bytesSent).put("bytes_received", c.bytesReceived)
                .put("first_seen", ApiJson.time(c.firstSeen))));
        return new JsonObject().put("clients", out).put("count", out.size())
                .put("time", ApiJson.time(api.clock().instant()));
    }

    /** [SAPI-222]: the owner closes both sockets; the close is recorded as {@code closed_by_api}. */
    private Future<Void> close(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        var connection = api.connections().find(id).orElseThrow(() -> new ApiException(
                ApiErrorCode.CONNECTION_NOT_FOUND, null, "no open connection with id \"" + id + "\"",
                new JsonObject().put("id", id)));
        connection.requestClose(ErrorCode.CLOSED_BY_API);
        return Future.succeededFuture();
    }

    /** Sums over one client's active connections. Used by one request only. */
    private static final class Client {
        private final String ip;
        private int connections;
        private long bytesSent;
        private long bytesReceived;
        private Instant firstSeen;

        Client(String ip) {
            this.ip = ip;
        }

        void add(ConnectionSnapshot c) {
            connections++;
            bytesSent += c.bytesSent();
            bytesReceived += c.bytesReceived();
            firstSeen = firstSeen == null || c.startTime().isBefore(firstSeen) ? c.startTime() : firstSeen;
        }
    }
}

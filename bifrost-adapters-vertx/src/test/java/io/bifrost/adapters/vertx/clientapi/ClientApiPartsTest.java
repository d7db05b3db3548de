package io.bifrost.adapters.vertx.clientapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.client.DebugEntry;
import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.core.traffic.ErrorCode;
import io.bifrost.core.traffic.Protocol;
import io.bifrost.core.traffic.RequestRecord;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure pieces of the client API: local origins ([SEC-020]) and traffic entries as JSON ([CAPI-090], [CAPI-100]). */
class ClientApiPartsTest {
    private static final Instant T0 = Instant.parse("2025-03-14T09:26:53.589Z");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "http://localhost:5173, true",
            "http://localhost, true",
            "https://127.0.0.1:8443, true",
            "http://[::1]:3000, true",
            "HTTP://LOCALHOST:1, true",
            "http://localhost.example.com, false",
            "http://127.0.0.2, false",
            "http://evil.example, false",
            "ftp://localhost, false",
            "http://user@localhost, false",
            "http://localhost/path, false",
            "null, false",
            "'', false",
    })
    void isLocal_onlyLoopbackNamesOverHttp(String origin, boolean local) {
        assertThat(LocalOrigins.isLocal(origin)).isEqualTo(local);
    }

    private static RequestRecord record(Protocol protocol, String method, String path, String url, int status,
            ErrorCode error) {
        return new RequestRecord(T0, "20250314092653-1/1", "127.0.0.1", 53122, null, protocol, method,
                "api.example.com", 443, path, url, status, 18234, 812, 153.23456, "route-3", "default", error, null,
                null);
    }

    @Test
    void entry_request_hasEveryMemberOfCapi090() {
        DebugEntry e = new DebugEntry(5121, DebugEntry.Type.REQUEST, record(Protocol.HTTP, "GET", "/v1/users",
                "http://api.example.com/v1/users", 200, null), Action.SERVER, "default", null);

        assertThat(TrafficJson.entry(e)).isEqualTo(new JsonObject().put("id", 5121L)
                .put("timestamp", "2025-03-14T09:26:53.589Z").put("type", "request").put("protocol", "HTTP")
                .put("method", "GET").put("host", "api.example.com").put("port", 443).put("path", "/v1/users")
                .put("url", "http://api.example.com/v1/users").put("status_code", 200).put("duration_ms", 153.235)
                .put("bytes_sent", 18234L).put("bytes_received", 812L).put("action", "server")
                .put("route", "route-3").put("server", "default").put("client_addr", "127.0.0.1:53122"));
    }

    @Test
    void logEntry_messagesPerType_andLevels() {
        DebugEntry request = new DebugEntry(1, DebugEntry.Type.REQUEST, record(Protocol.HTTP, "GET", "/v1/users",
                "http://api.example.com/v1/users", 200, null), Action.SERVER, "default", null);
        DebugEntry tunnel = new DebugEntry(2, DebugEntry.Type.TUNNEL, record(Protocol.SOCKS5, "CONNECT", null,
                "api.example.com:443", 0, null), Action.DIRECT, null, null);
        DebugEntry error = new DebugEntry(3, DebugEntry.Type.ERROR, record(Protocol.CONNECT, "CONNECT", null,
                "api.example.com:443", 504, ErrorCode.CONNECTION_TIMEOUT), Action.SERVER, "default",
                "connection_timeout: api.example.com:443");

        assertThat(TrafficJson.logEntry(request).getString("message"))
                .isEqualTo("GET http://api.example.com/v1/users -> 200 (server)");
        assertThat(TrafficJson.logEntry(request).getString("level")).isEqualTo("info");
        assertThat(TrafficJson.logEntry(tunnel).getString("message")).isEqualTo("CONNECT api.example.com:443 (direct)");
        assertThat(TrafficJson.logEntry(tunnel).getJsonObject("fields").containsKey("status_code")).isFalse();
        JsonObject failed = TrafficJson.logEntry(error);
        assertThat(failed.getString("level")).isEqualTo("error");
        assertThat(failed.getString("message"))
                .isEqualTo("CONNECT api.example.com:443 failed: connection_timeout: api.example.com:443");
        assertThat(failed.getJsonObject("fields").fieldNames()).containsExactly("source", "type", "protocol",
                "method", "host", "port", "url", "status_code", "duration_ms", "bytes_sent", "bytes_received",
                "action", "route", "server", "error");
    }
}

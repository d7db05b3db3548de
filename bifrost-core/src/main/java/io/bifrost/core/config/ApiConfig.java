package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

/**
 * The management API ({@code api}, server [CFG-124], client [CFG-158]). Immutable; {@link #toString()} masks the
 * token.
 *
 * @param enabled default true
 * @param listen server default {@code :7082}, client default {@code 127.0.0.1:7383}
 * @param token bearer token, secret; {@code ""} (default) = API open ([SEC-001])
 * @param enableRequestLog server: keep the in-memory request log ([SAPI-200]); default true
 * @param requestLogSize server: entries kept, 0-1 000 000; default 1000; 0 disables the log
 * @param websocketMaxClients server: concurrent WebSocket subscribers; default 100; 0 means 100
 */
public record ApiConfig(
        boolean enabled,
        ListenAddress listen,
        String token,
        boolean enableRequestLog,
        int requestLogSize,
        int websocketMaxClients) {

    public ApiConfig {
        requireNonNull(listen, "listen");
        requireNonNull(token, "token");
    }

    public static ApiConfig serverDefaults() {
        return new ApiConfig(true, ListenAddress.parse(":7082"), "", true, 1000, 100);
    }

    public static ApiConfig clientDefaults() {
        return new ApiConfig(true, ListenAddress.parse("127.0.0.1:7383"), "", true, 1000, 100);
    }

    /** Whether the request log is kept: enabled and a non-zero size. */
    public boolean requestLogActive() {
        return enableRequestLog && requestLogSize > 0;
    }

    /** The subscriber limit with 0 read as 100. */
    public int effectiveWebsocketMaxClients() {
        return websocketMaxClients == 0 ? 100 : websocketMaxClients;
    }

    @Override
    public String toString() {
        return "ApiConfig[enabled=" + enabled + ", listen=" + listen + ", token="
                + (token.isEmpty() ? "" : ConfigSecrets.MASK) + ", enableRequestLog=" + enableRequestLog
                + ", requestLogSize=" + requestLogSize + ", websocketMaxClients=" + websocketMaxClients + "]";
    }
}

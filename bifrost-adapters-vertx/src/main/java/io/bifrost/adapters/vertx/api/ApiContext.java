package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.control.ServerControl;
import io.bifrost.adapters.vertx.events.WebSocketEventSink;
import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.core.backend.BackendRegistry;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.routing.RouteResolver;
import io.bifrost.core.traffic.ConnectionRegistry;
import io.bifrost.core.traffic.RequestLog;
import io.bifrost.core.traffic.TrafficCounters;
import java.time.InstantSource;

/**
 * Everything the management API reads and changes. Immutable holder of thread-safe parts.
 *
 * @param config the configuration the server started with: the {@code api}, {@code metrics} and {@code mesh}
 *     sections (restart-only) come from here
 * @param control reads and changes the configuration ([SAPI-030]-[SAPI-175])
 * @param traffic listener-side totals of all proxy listeners ([SAPI-013])
 * @param requestLog the in-memory request log ([SAPI-200]); capacity 0 when disabled
 * @param events the event WebSocket's subscribers ([SAPI-250])
 */
public record ApiContext(
        ServerConfig config,
        ServerControl control,
        BackendRegistry backends,
        RouteResolver routes,
        ConnectionRegistry connections,
        TrafficCounters traffic,
        RequestLog requestLog,
        WebSocketEventSink events,
        ApiHooks hooks,
        ServerState state,
        BuildInfo build,
        InstantSource clock) {

    public ApiContext {
        requireNonNull(config, "config");
        requireNonNull(control, "control");
        requireNonNull(backends, "backends");
        requireNonNull(routes, "routes");
        requireNonNull(connections, "connections");
        requireNonNull(traffic, "traffic");
        requireNonNull(requestLog, "requestLog");
        requireNonNull(events, "events");
        requireNonNull(hooks, "hooks");
        requireNonNull(state, "state");
        requireNonNull(build, "build");
        requireNonNull(clock, "clock");
    }
}

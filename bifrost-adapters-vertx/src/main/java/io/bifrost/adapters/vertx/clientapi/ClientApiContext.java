package io.bifrost.adapters.vertx.clientapi;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.control.ClientControl;
import io.bifrost.core.client.TrafficDebugger;
import io.bifrost.core.config.ApiConfig;
import java.time.InstantSource;

/**
 * Everything the client API reads and changes. Immutable holder of thread-safe parts.
 *
 * @param api the {@code api} section the client started with (restart-only, [CFG-085]): listener and token
 * @param control state, servers, routes and configuration ([CAPI-010]-[CAPI-075])
 * @param debugger the traffic debugger: entries ([CAPI-090]-[CAPI-094]) and the log stream's source ([CAPI-101])
 * @param client listeners, traffic and lifecycle of the running client
 * @param build what was built ([CAPI-011])
 */
public record ClientApiContext(
        ApiConfig api,
        ClientControl control,
        TrafficDebugger debugger,
        ClientView client,
        BuildInfo build,
        InstantSource clock,
        ClientApiSettings settings) {

    public ClientApiContext {
        requireNonNull(api, "api");
        requireNonNull(control, "control");
        requireNonNull(debugger, "debugger");
        requireNonNull(client, "client");
        requireNonNull(build, "build");
        requireNonNull(clock, "clock");
        requireNonNull(settings, "settings");
    }
}

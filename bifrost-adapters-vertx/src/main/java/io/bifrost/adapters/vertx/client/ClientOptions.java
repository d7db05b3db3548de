package io.bifrost.adapters.vertx.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.clientapi.ClientApiSettings;
import io.bifrost.adapters.vertx.config.ClientConfigFile;
import io.bifrost.adapters.vertx.proxy.http.OriginTls;
import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.port.out.EventSink;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * What an embedding program may choose beyond the client configuration: the clock, an extra event sink, how origins'
 * TLS certificates are trusted, the build reported to the server and by the API, the configuration file (for reloads
 * and saves, [CAPI-041], [CAPI-051]), the warnings the configuration was loaded with ([SEC-090]) and the management
 * API's timings. Immutable.
 *
 * @param events receives every event of the client's listeners; must not block
 * @param originTls trust for {@code https://} requests ([PRX-022]); the runtime's default trust store by default
 * @param build what was built: the version for {@code User-Agent} toward an HTTP server ([BKD-032]) and
 *     {@code GET /api/v1/version} ([CAPI-011]); read from the class path by default
 * @param configFile the file the configuration came from, or {@code null}: then reloads and saves fail and a server
 *     selection applies in memory only
 * @param warnings the warnings of the loaded configuration, shown by the status API
 * @param api the management API's timings and limits ([GEN-011], [EVT-053], [EVT-056])
 */
public record ClientOptions(
        InstantSource clock, EventSink events, OriginTls originTls, BuildInfo build, ClientConfigFile configFile,
        List<ConfigProblem> warnings, ClientApiSettings api) {

    public ClientOptions {
        requireNonNull(clock, "clock");
        requireNonNull(events, "events");
        requireNonNull(originTls, "originTls");
        requireNonNull(build, "build");
        warnings = List.copyOf(warnings);
        requireNonNull(api, "api");
    }

    public static ClientOptions defaults() {
        return new ClientOptions(InstantSource.system(), EventSink.discarding(), OriginTls.systemDefault(),
                BuildInfo.fromClasspath(), null, List.of(), ClientApiSettings.defaults());
    }

    public ClientOptions withEvents(EventSink events) {
        return new ClientOptions(clock, events, originTls, build, configFile, warnings, api);
    }

    public ClientOptions withOriginTls(OriginTls originTls) {
        return new ClientOptions(clock, events, originTls, build, configFile, warnings, api);
    }

    public ClientOptions withBuild(BuildInfo build) {
        return new ClientOptions(clock, events, originTls, build, configFile, warnings, api);
    }

    /** The configuration file and the warnings it was loaded with. */
    public ClientOptions withConfigFile(ClientConfigFile configFile, List<ConfigProblem> warnings) {
        return new ClientOptions(clock, events, originTls, build, requireNonNull(configFile, "configFile"),
                warnings, api);
    }

    public ClientOptions withApi(ClientApiSettings api) {
        return new ClientOptions(clock, events, originTls, build, configFile, warnings, api);
    }

    /** The client's version ({@code build().version()}). */
    public String version() {
        return build.version();
    }

    public Optional<ClientConfigFile> file() {
        return Optional.ofNullable(configFile);
    }
}

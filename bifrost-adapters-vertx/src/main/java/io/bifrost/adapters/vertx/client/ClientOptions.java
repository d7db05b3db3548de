package io.bifrost.adapters.vertx.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.ClientConfigFile;
import io.bifrost.adapters.vertx.proxy.http.OriginTls;
import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.port.out.EventSink;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * What an embedding program may choose beyond the client configuration: the clock, an extra event sink, how origins'
 * TLS certificates are trusted, the version reported to the server, the configuration file (for reloads and for
 * persisting the selected server, [CAPI-041]) and the warnings the configuration was loaded with ([SEC-090]).
 * Immutable.
 *
 * @param events receives every event of the client's listeners; must not block
 * @param originTls trust for {@code https://} requests ([PRX-022]); the runtime's default trust store by default
 * @param version the client's version, for {@code User-Agent} toward an HTTP server ([BKD-032])
 * @param configFile the file the configuration came from, or {@code null}: then {@link BifrostClient#reload()} fails
 *     and a server selection applies in memory only
 * @param warnings the warnings of the loaded configuration, shown by the status API
 */
public record ClientOptions(
        InstantSource clock, EventSink events, OriginTls originTls, String version, ClientConfigFile configFile,
        List<ConfigProblem> warnings) {

    public ClientOptions {
        requireNonNull(clock, "clock");
        requireNonNull(events, "events");
        requireNonNull(originTls, "originTls");
        requireNonNull(version, "version");
        warnings = List.copyOf(warnings);
    }

    public static ClientOptions defaults() {
        return new ClientOptions(InstantSource.system(), EventSink.discarding(), OriginTls.systemDefault(), "1.0.0",
                null, List.of());
    }

    public ClientOptions withEvents(EventSink events) {
        return new ClientOptions(clock, events, originTls, version, configFile, warnings);
    }

    public ClientOptions withOriginTls(OriginTls originTls) {
        return new ClientOptions(clock, events, originTls, version, configFile, warnings);
    }

    public ClientOptions withVersion(String version) {
        return new ClientOptions(clock, events, originTls, version, configFile, warnings);
    }

    /** The configuration file and the warnings it was loaded with. */
    public ClientOptions withConfigFile(ClientConfigFile configFile, List<ConfigProblem> warnings) {
        return new ClientOptions(clock, events, originTls, version, requireNonNull(configFile, "configFile"),
                warnings);
    }

    public Optional<ClientConfigFile> file() {
        return Optional.ofNullable(configFile);
    }
}

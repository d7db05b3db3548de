package io.bifrost.adapters.vertx.server;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.events.EventStreamSettings;
import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.proxy.http.OriginTls;
import io.bifrost.core.net.IpAddress;
import io.bifrost.core.port.out.EventSink;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * What an embedding program may choose beyond the configuration file: the clock, an extra event sink (for its own
 * observers), how origins' TLS certificates are trusted, where the host's addresses come from, the version reported
 * on the wire, and the event WebSocket's timing.
 *
 * @param events receives every event besides Bifrost's own logging; must not block
 * @param originTls trust for {@code https://} requests ([PRX-022]); the runtime's default trust store by default
 * @param hostAddresses the host's interface addresses, for the own-listener rule ([SEC-060]) and the open-proxy check
 *     ([SEC-090])
 * @param build what was built: the version for {@code User-Agent} toward upstream proxies ([BKD-032]) and
 *     {@code GET /api/v1/version} ([SAPI-011]); read from the class path by default ({@link BuildInfo#fromClasspath})
 * @param eventStream queue bounds, pings and the {@code stats.update} interval of the event WebSocket ([EVT-005],
 *     [EVT-026]); {@link EventStreamSettings#defaults()} (every 5 s, as the spec says) unless a test needs it faster
 */
public record ServerOptions(
        InstantSource clock, EventSink events, OriginTls originTls, Supplier<List<IpAddress>> hostAddresses,
        BuildInfo build, EventStreamSettings eventStream) {

    public ServerOptions {
        requireNonNull(clock, "clock");
        requireNonNull(events, "events");
        requireNonNull(originTls, "originTls");
        requireNonNull(hostAddresses, "hostAddresses");
        requireNonNull(build, "build");
        requireNonNull(eventStream, "eventStream");
    }

    public static ServerOptions defaults() {
        return new ServerOptions(InstantSource.system(), EventSink.discarding(), OriginTls.systemDefault(),
                ServerOptions::interfaceAddresses, BuildInfo.fromClasspath(), EventStreamSettings.defaults());
    }

    public ServerOptions withEvents(EventSink events) {
        return new ServerOptions(clock, events, originTls, hostAddresses, build, eventStream);
    }

    public ServerOptions withOriginTls(OriginTls originTls) {
        return new ServerOptions(clock, events, originTls, hostAddresses, build, eventStream);
    }

    public ServerOptions withHostAddresses(Supplier<List<IpAddress>> hostAddresses) {
        return new ServerOptions(clock, events, originTls, hostAddresses, build, eventStream);
    }

    public ServerOptions withBuild(BuildInfo build) {
        return new ServerOptions(clock, events, originTls, hostAddresses, build, eventStream);
    }

    public ServerOptions withEventStream(EventStreamSettings eventStream) {
        return new ServerOptions(clock, events, originTls, hostAddresses, build, eventStream);
    }

    /** Bifrost's version ({@code build().version()}). */
    public String version() {
        return build.version();
    }

    /** Every address of every interface that is up. */
    public static List<IpAddress> interfaceAddresses() {
        List<IpAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp()) {
                    for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                        out.add(IpAddress.of(a));
                    }
                }
            }
        } catch (SocketException e) {
            // no interface list: loopback rules still apply; the own-listener rule covers loopback only
        }
        return out;
    }
}

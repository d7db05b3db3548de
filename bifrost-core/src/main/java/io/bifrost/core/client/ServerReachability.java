package io.bifrost.core.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.HostPort;
import io.bifrost.core.health.ProbeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the client knows about reaching its upstreams ([CAPI-010], [CAPI-040]): per upstream, the last probe and the
 * last real dial. An upstream counts as connected when the more recent of the two succeeded; a dial that got any
 * answer from the server (a refusal included) reached it. Observations are kept per name and address, so an upstream
 * whose address changes starts unknown again. Thread-safe; never blocks.
 */
public final class ServerReachability {
    private final ConcurrentHashMap<Key, State> states = new ConcurrentHashMap<>();

    /** The status of [CAPI-040]. */
    public enum Status {
        REACHABLE, UNREACHABLE, UNKNOWN;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Records a probe of {@code server} ([CAPI-010]). */
    public void probed(UpstreamServer server, ProbeOutcome outcome) {
        requireNonNull(outcome, "outcome");
        states.compute(key(server), (k, s) -> orEmpty(s).withProbe(outcome));
    }

    /** Records a real dial attempt to {@code server}: whether the server answered at all. */
    public void dialed(UpstreamServer server, Instant at, boolean reached) {
        requireNonNull(at, "at");
        states.compute(key(server), (k, s) -> orEmpty(s).withDial(at, reached));
    }

    /** The most recent of (last probe, last dial): reachable, unreachable, or unknown when neither happened. */
    public Status connectivity(UpstreamServer server) {
        State s = states.get(key(server));
        if (s == null) {
            return Status.UNKNOWN;
        }
        boolean dialIsNewer = s.dialAt() != null && (s.probe() == null || s.dialAt().isAfter(s.probe().at()));
        if (dialIsNewer) {
            return s.dialReached() ? Status.REACHABLE : Status.UNREACHABLE;
        }
        return s.probe() == null ? Status.UNKNOWN : of(s.probe());
    }

    /** The status of the last probe alone ([CAPI-040] {@code status}). */
    public Status probeStatus(UpstreamServer server) {
        State s = states.get(key(server));
        return s == null || s.probe() == null ? Status.UNKNOWN : of(s.probe());
    }

    /** How long the last successful probe took ([CAPI-040] {@code latency_ms}); empty before the first. */
    public Optional<Duration> latency(UpstreamServer server) {
        State s = states.get(key(server));
        return s == null ? Optional.empty() : Optional.ofNullable(s.lastLatency());
    }

    /** Forgets upstreams that are no longer configured. */
    public void retain(Collection<UpstreamServer> configured) {
        Set<Key> keep = configured.stream().map(ServerReachability::key).collect(Collectors.toSet());
        states.keySet().retainAll(keep);
    }

    private static Status of(ProbeOutcome outcome) {
        return outcome.succeeded() ? Status.REACHABLE : Status.UNREACHABLE;
    }

    private static Key key(UpstreamServer server) {
        requireNonNull(server, "server");
        return new Key(server.name(), server.address());
    }

    private static State orEmpty(State s) {
        return s != null ? s : new State(null, null, false, null);
    }

    private record Key(String name, HostPort address) {}

    /** Immutable; replaced whole on every observation. */
    private record State(ProbeOutcome probe, Instant dialAt, boolean dialReached, Duration lastLatency) {
        State withProbe(ProbeOutcome outcome) {
            return new State(outcome, dialAt, dialReached, outcome.succeeded() ? outcome.elapsed() : lastLatency);
        }

        State withDial(Instant at, boolean reached) {
            return new State(probe, at, reached, lastLatency);
        }
    }
}

package io.bifrost.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.client.ServerReachability.Status;
import io.bifrost.core.config.HostPort;
import io.bifrost.core.config.UpstreamProtocol;
import io.bifrost.core.health.ProbeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** [CAPI-010]: server_connected is the most recent of (last probe, last real dial). */
class ServerReachabilityTest {
    private static final Instant T0 = Instant.parse("2025-03-14T09:00:00Z");
    private static final UpstreamServer EU = server("eu", "eu.example.com:7080");

    private final ServerReachability reachability = new ServerReachability();

    private static UpstreamServer server(String name, String address) {
        return new UpstreamServer(name, HostPort.parse(address), UpstreamProtocol.HTTP, "", "", false);
    }

    private static ProbeOutcome ok(Instant at, long ms) {
        return ProbeOutcome.success(at, Duration.ofMillis(ms));
    }

    private static ProbeOutcome failed(Instant at) {
        return ProbeOutcome.failure(at, Duration.ofMillis(5), "connection refused");
    }

    @Test
    void connectivity_nothingObserved_isUnknown() {
        assertThat(reachability.connectivity(EU)).isEqualTo(Status.UNKNOWN);
        assertThat(reachability.probeStatus(EU)).isEqualTo(Status.UNKNOWN);
        assertThat(reachability.latency(EU)).isEmpty();
    }

    @Test
    void connectivity_failedDialAfterSuccessfulProbe_isUnreachable() {
        reachability.probed(EU, ok(T0, 23));
        reachability.dialed(EU, T0.plusSeconds(1), false);

        assertThat(reachability.connectivity(EU)).isEqualTo(Status.UNREACHABLE);
        assertThat(reachability.probeStatus(EU)).isEqualTo(Status.REACHABLE);
        assertThat(reachability.latency(EU)).contains(Duration.ofMillis(23));
    }

    @Test
    void connectivity_successfulProbeAfterFailedDial_isReachable() {
        reachability.dialed(EU, T0, false);
        reachability.probed(EU, ok(T0.plusSeconds(30), 40));

        assertThat(reachability.connectivity(EU)).isEqualTo(Status.REACHABLE);
    }

    @Test
    void latency_keepsTheLastSuccessfulProbeAfterAFailure() {
        reachability.probed(EU, ok(T0, 12));
        reachability.probed(EU, failed(T0.plusSeconds(30)));

        assertThat(reachability.probeStatus(EU)).isEqualTo(Status.UNREACHABLE);
        assertThat(reachability.latency(EU)).contains(Duration.ofMillis(12));
    }

    @Test
    void connectivity_sameNameNewAddress_startsUnknown() {
        reachability.probed(EU, ok(T0, 12));

        UpstreamServer moved = server("eu", "eu2.example.com:7080");

        assertThat(reachability.connectivity(moved)).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void retain_forgetsUpstreamsNoLongerConfigured() {
        UpstreamServer us = server("us", "us.example.com:7180");
        reachability.probed(EU, ok(T0, 12));
        reachability.probed(us, ok(T0, 12));

        reachability.retain(List.of(us));

        assertThat(reachability.connectivity(EU)).isEqualTo(Status.UNKNOWN);
        assertThat(reachability.connectivity(us)).isEqualTo(Status.REACHABLE);
    }
}

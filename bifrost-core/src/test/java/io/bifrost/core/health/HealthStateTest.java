package io.bifrost.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.event.BackendHealthChanged;
import io.bifrost.core.event.ProxyEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthStateTest {
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");
    private static final ProbeOutcome OK = ProbeOutcome.success(T, Duration.ofMillis(12));
    private static final ProbeOutcome KO = ProbeOutcome.failure(T, Duration.ofMillis(5), "connection refused");

    /** Sequences of probe results ('+' success, '-' failure) and the state after each, under rise/fall. */
    @ParameterizedTest(name = "rise={0} fall={1}: {2} → {3}")
    @CsvSource({
            "1, 1, '',       ''",
            "1, 1, -,        D",
            "1, 1, +,        U",
            "2, 3, -,        D",          // the first result sets the state directly
            "2, 3, +--,      UUU",
            "2, 3, +---,     UUUD",
            "2, 3, +---+,    UUUDD",
            "2, 3, +---++,   UUUDDU",
            "2, 3, +--+---,  UUUUUUD",     // a success resets the failure streak
            "0, 0, +-+,      UDU",         // 0 means 1
    })
    void after_followsRiseAndFall(int rise, int fall, String results, String expected) {
        HealthPolicy policy = new HealthPolicy(rise, fall);
        HealthState state = HealthState.initial();
        StringBuilder states = new StringBuilder();
        for (char c : results.toCharArray()) {
            state = state.after(c == '+' ? OK : KO, policy);
            states.append(state.healthy() ? 'U' : 'D');
        }
        assertThat(states.toString()).isEqualTo(expected);
    }

    @Test
    void initial_countsAsHealthy() {
        assertThat(HealthState.initial().healthy()).isTrue();
        assertThat(HealthState.initial().probed()).isFalse();
    }

    @Test
    void after_failureAfterSuccess_keepsLatencyOfTheLastSuccess() {
        HealthState state = HealthState.initial().after(OK, HealthPolicy.defaults()).after(KO, HealthPolicy.defaults());

        assertThat(state.latency()).isEqualTo(Duration.ofMillis(12));
        assertThat(state.last()).isEqualTo(KO);
        assertThat(HealthState.initial().latency()).isNull();
    }

    @Test
    void tracker_publishesOnlyTransitions() {
        List<ProxyEvent> events = new ArrayList<>();
        HealthTracker tracker = new HealthTracker("eu-1", "http_proxy", new HealthPolicy(1, 2), events::add);

        tracker.record(OK);
        tracker.record(KO);
        tracker.record(KO);
        tracker.record(KO);
        tracker.record(OK);

        assertThat(events).containsExactly(
                new BackendHealthChanged(T, "eu-1", "http_proxy", false, true, "connection refused", null),
                new BackendHealthChanged(T, "eu-1", "http_proxy", true, false, null, Duration.ofMillis(12)));
    }
}

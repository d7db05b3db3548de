package io.bifrost.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.health.HealthCheckView.Result;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthCheckViewTest {
    private static final Instant T1 = Instant.parse("2025-03-14T09:26:41.002Z");
    private static final Instant T2 = Instant.parse("2025-03-14T09:27:11.002Z");
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    @Test
    void of_beforeFirstProbe_hasNoLastCheck() {
        HealthCheckView view = HealthCheckView.of("tcp", "198.51.100.20:3128", INTERVAL, HealthState.initial());

        assertThat(view.lastCheck()).isNull();
        assertThat(view.lastResult()).isNull();
        assertThat(view.lastError()).isNull();
        assertThat(view.latency()).isNull();
        assertThat(view.consecutiveSuccesses()).isZero();
        assertThat(view.consecutiveFailures()).isZero();
    }

    @Test
    void of_afterFailures_reportsTheLastErrorAndStreak() {
        HealthPolicy policy = new HealthPolicy(1, 3);
        HealthState state = HealthState.initial()
                .after(ProbeOutcome.success(T1, Duration.ofMillis(12)), policy)
                .after(ProbeOutcome.failure(T1, Duration.ofMillis(3), "connection refused"), policy)
                .after(ProbeOutcome.failure(T2, Duration.ofMillis(4), "timeout after 5s"), policy);

        HealthCheckView view = HealthCheckView.of("tcp", "198.51.100.20:3128", INTERVAL, state);

        assertThat(view).isEqualTo(new HealthCheckView("tcp", "198.51.100.20:3128", INTERVAL, T2, Result.FAILURE,
                "timeout after 5s", 0, 2, Duration.ofMillis(12)));
        assertThat(view.lastResult().wireName()).isEqualTo("failure");
    }

    @Test
    void of_afterSuccess_hasNoErrorAndTheProbeLatency() {
        HealthState state = HealthState.initial()
                .after(ProbeOutcome.failure(T1, Duration.ofMillis(3), "HTTP 503"), HealthPolicy.defaults())
                .after(ProbeOutcome.success(T2, Duration.ofMillis(11)), HealthPolicy.defaults());

        HealthCheckView view = HealthCheckView.of("http", "10.0.0.5:8080", INTERVAL, state);

        assertThat(view.lastResult()).isEqualTo(Result.SUCCESS);
        assertThat(view.lastResult().wireName()).isEqualTo("success");
        assertThat(view.lastError()).isNull();
        assertThat(view.lastCheck()).isEqualTo(T2);
        assertThat(view.latency()).isEqualTo(Duration.ofMillis(11));
        assertThat(view.consecutiveSuccesses()).isEqualTo(1);
    }
}

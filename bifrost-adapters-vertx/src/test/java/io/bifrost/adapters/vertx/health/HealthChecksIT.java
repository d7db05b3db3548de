package io.bifrost.adapters.vertx.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import io.bifrost.adapters.vertx.health.ScriptedProbe.Call;
import io.bifrost.core.backend.Backend;
import io.bifrost.core.config.EffectiveHealthCheck;
import io.bifrost.core.event.BackendHealthChanged;
import io.bifrost.core.event.ProxyEvent;
import io.bifrost.core.health.HealthCheckView;
import io.bifrost.core.health.HealthPolicy;
import io.bifrost.core.health.HealthTracker;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scheduling of [BKD-063] with a scripted probe and intervals well below the configurable 1s, to stay fast. */
class HealthChecksIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final List<ProxyEvent> events = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private HealthChecks checks;
    private ScriptedProbe probe;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        if (checks != null) {
            checks.close().await();
        }
        vertx.close().await();
    }

    private Backend backend(int rise, int fall) {
        return new Backend("corp", "http_proxy", true, 0,
                new HealthTracker("corp", "http_proxy", new HealthPolicy(rise, fall), events::add), Instant.now());
    }

    private void open(Backend backend, String script, Duration probeTakes) {
        probe = new ScriptedProbe(vertx, script, probeTakes, backend);
        checks = new HealthChecks(vertx, probe, InstantSource.system());
        checks.open().await();
    }

    @Test
    void start_riseAndFall_flipsAfterExactlyFallFailuresThenRiseSuccesses() {
        Backend corp = backend(2, 3);
        open(corp, "+---++", Duration.ZERO);

        checks.start(corp, TestChecks.every(Duration.ofMillis(50), 2, 3));
        await().atMost(WAIT).until(() -> probe.calls().size() >= 7);

        // health as each probe started = after the results before it: +, -, -, - (3rd failure), +, + (2nd success)
        assertThat(probe.calls().subList(0, 7)).extracting(Call::healthyBefore)
                .containsExactly(true, true, true, true, false, false, true);
        List<BackendHealthChanged> changes = healthChanges();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).healthy()).isFalse();
        assertThat(changes.get(0).previous()).isTrue();
        assertThat(changes.get(0).reason()).isEqualTo("connection refused");
        assertThat(changes.get(0).latency()).isNull();
        assertThat(changes.get(1).healthy()).isTrue();
        assertThat(changes.get(1).previous()).isFalse();
        assertThat(changes.get(1).reason()).isNull();
        assertThat(changes.get(1).latency()).isNotNull();
    }

    @Test
    void start_firstProbe_runsWithinOneSecond() {
        Backend corp = backend(1, 1);
        open(corp, "+", Duration.ZERO);
        long before = System.nanoTime();

        checks.start(corp, TestChecks.every(Duration.ofSeconds(30), 1, 1));
        await().atMost(Duration.ofSeconds(1)).until(() -> probe.started() == 1);

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void start_quickProbes_startOneIntervalAfterThePreviousStart() {
        Backend corp = backend(1, 1);
        open(corp, "", Duration.ofMillis(100));

        checks.start(corp, TestChecks.every(Duration.ofMillis(300), 1, 1));
        await().atMost(WAIT).until(() -> probe.calls().size() >= 4);

        List<Call> calls = probe.calls();
        for (int i = 1; i < 4; i++) {
            Duration gap = Duration.ofNanos(calls.get(i).startNanos() - calls.get(i - 1).startNanos());
            assertThat(gap).as("start %d to start %d", i - 1, i)
                    .isBetween(Duration.ofMillis(290), Duration.ofMillis(600));
        }
    }

    @Test
    void start_probeSlowerThanInterval_neverOverlapsAndNextStartsRightAfter() {
        Backend corp = backend(1, 1);
        open(corp, "", Duration.ofMillis(300));

        checks.start(corp, TestChecks.every(Duration.ofMillis(100), 1, 1));
        await().atMost(WAIT).until(() -> probe.calls().size() >= 4);

        List<Call> calls = probe.calls();
        for (int i = 1; i < 4; i++) {
            long idleNanos = calls.get(i).startNanos() - calls.get(i - 1).endNanos();
            assertThat(idleNanos).as("end %d to start %d", i - 1, i)
                    .isNotNegative()
                    .isLessThan(Duration.ofMillis(100).toNanos());
        }
        assertThat(probe.maxConcurrent()).isEqualTo(1);
    }

    @Test
    void view_afterFailure_reportsTheCheckAndDegraded() {
        Backend corp = backend(1, 1);
        open(corp, "-", Duration.ZERO);
        EffectiveHealthCheck check = TestChecks.every(Duration.ofSeconds(30), 1, 1);

        checks.start(corp, check);
        await().atMost(WAIT).until(() -> probe.calls().size() == 1 && !corp.health().isHealthy());

        HealthCheckView view = checks.view("corp").orElseThrow();
        assertThat(view.type()).isEqualTo("tcp");
        assertThat(view.target()).isEqualTo(check.target());
        assertThat(view.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(view.lastResult()).isEqualTo(HealthCheckView.Result.FAILURE);
        assertThat(view.lastError()).isEqualTo("connection refused");
        assertThat(view.consecutiveFailures()).isEqualTo(1);
        assertThat(view.lastCheck()).isNotNull();
        assertThat(checks.degraded()).isTrue();
        assertThat(checks.probedBackends()).containsExactly("corp");
    }

    @Test
    void stop_backend_endsItsProbesAndNoLongerCountsAsDegraded() {
        Backend corp = backend(1, 1);
        open(corp, "--------", Duration.ZERO);
        checks.start(corp, TestChecks.every(Duration.ofMillis(100), 1, 1));
        await().atMost(WAIT).until(() -> probe.calls().size() >= 2);
        assertThat(checks.degraded()).isTrue();

        checks.stop("corp");
        int afterStop = quietCount();

        assertThat(probe.started()).isEqualTo(afterStop);
        assertThat(checks.view("corp")).isEmpty();
        assertThat(checks.degraded()).isFalse();
    }

    @Test
    void start_backendRemovedFromTheRegistry_endsItsOwnLoop() {
        Backend corp = backend(1, 1);
        open(corp, "", Duration.ZERO);
        checks.start(corp, TestChecks.every(Duration.ofMillis(100), 1, 1));
        await().atMost(WAIT).until(() -> probe.calls().size() >= 2);

        corp.stop(); // what BackendRegistry.remove does ([BKD-091])
        int afterRemoval = quietCount();

        assertThat(probe.started()).isEqualTo(afterRemoval);
        assertThat(checks.probedBackends()).isEmpty();
    }

    @Test
    void start_backendNotRunning_isNeverProbed() {
        Backend disabled = new Backend("parked", "http_proxy", false, 0,
                new HealthTracker("parked", "http_proxy", HealthPolicy.defaults(), events::add), null);
        open(disabled, "-", Duration.ZERO);

        checks.start(disabled, TestChecks.every(Duration.ofMillis(100), 1, 1));

        assertThat(quietCount()).isZero();
        assertThat(checks.probedBackends()).isEmpty();
        assertThat(checks.degraded()).isFalse();
    }

    @Test
    void close_endsEveryLoopAndClosesTheProbe() {
        Backend corp = backend(1, 1);
        open(corp, "", Duration.ZERO);
        checks.start(corp, TestChecks.every(Duration.ofMillis(100), 1, 1));
        await().atMost(WAIT).until(() -> probe.calls().size() >= 2);

        checks.close().await();
        int afterClose = quietCount();

        assertThat(probe.started()).isEqualTo(afterClose);
        assertThat(probe.closed()).isTrue();
    }

    @Test
    void close_thenVertxClose_laterCallbacksStillRun() throws Exception {
        Backend corp = backend(1, 1);
        open(corp, "", Duration.ZERO);
        checks.start(corp, TestChecks.every(Duration.ofMillis(100), 1, 1));
        CompletableFuture<Void> after = new CompletableFuture<>();

        // the shape of a process shutdown: stop, then close Vert.x, then report ([PRX-110])
        checks.close().eventually(vertx::close).onComplete(ar -> after.complete(null));

        after.get(5, TimeUnit.SECONDS);
        checks = null;
    }

    @Test
    void start_beforeOpenOrAfterClose_probesNothing() {
        Backend corp = backend(1, 1);
        probe = new ScriptedProbe(vertx, "", Duration.ZERO, corp);
        checks = new HealthChecks(vertx, probe, InstantSource.system());

        checks.start(corp, TestChecks.every(Duration.ofMillis(100), 1, 1));
        checks.open().await();
        assertThat(quietCount()).isZero();
        checks.close().await();
        checks.start(corp, TestChecks.every(Duration.ofMillis(100), 1, 1));

        assertThat(quietCount()).isZero();
        assertThat(checks.probedBackends()).isEmpty();
        assertThatIllegalStateException().isThrownBy(() -> checks.open().await());
    }

    /** Waits long enough for three more 100ms probes, then returns how many have started. */
    private int quietCount() {
        int before = probe.started();
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int after = probe.started();
        assertThat(after - before).as("probes started after the loop should have ended").isLessThanOrEqualTo(1);
        return after;
    }

    private List<BackendHealthChanged> healthChanges() {
        return events.stream().filter(BackendHealthChanged.class::isInstance).map(BackendHealthChanged.class::cast)
                .toList();
    }
}

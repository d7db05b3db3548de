package io.bifrost.core.backend;

import io.bifrost.core.health.HealthPolicy;
import io.bifrost.core.health.HealthTracker;
import io.bifrost.core.port.out.EventSink;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Test data: running direct backends. */
public final class TestBackends {
    public static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private TestBackends() {}

    public static Backend running(String name) {
        return running(name, 0);
    }

    public static Backend running(String name, int weight) {
        return new Backend(name, "direct", true, weight,
                new HealthTracker(name, "direct", HealthPolicy.defaults(), EventSink.discarding()), T0);
    }

    public static List<Backend> running(String... names) {
        return Arrays.stream(names).map(TestBackends::running).toList();
    }
}

package io.bifrost.adapters.vertx.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mutations of the client run one after another, whatever their outcome. */
class SerialTest {
    private final Serial serial = new Serial();
    private final List<String> log = new ArrayList<>();

    @Test
    void run_secondWaitsForTheFirstEvenWhenItFails() {
        Promise<String> first = Promise.promise();
        Future<String> a = serial.run(() -> {
            log.add("a started");
            return first.future();
        });
        Future<String> b = serial.run(() -> {
            log.add("b started");
            return Future.succeededFuture("b");
        });

        assertThat(log).containsExactly("a started");
        assertThat(b.isComplete()).isFalse();

        first.fail(new IllegalStateException("boom"));

        assertThat(a.failed()).isTrue();
        assertThat(b.result()).isEqualTo("b");
        assertThat(log).containsExactly("a started", "b started");
    }

    @Test
    void run_operationThatThrows_failsItsFutureAndTheNextStillRuns() {
        Future<String> a = serial.run(() -> {
            throw new IllegalArgumentException("bad");
        });
        Future<String> b = serial.run(() -> Future.succeededFuture("b"));

        assertThat(a.cause()).hasMessage("bad");
        assertThat(b.result()).isEqualTo("b");
    }
}

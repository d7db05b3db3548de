package io.bifrost.app.client;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits on the test thread for something that happens on event loops (a record written when a tunnel ends). */
public final class Poll {
    private Poll() {}

    public static void until(String what, BooleanSupplier condition) {
        until(what, Duration.ofSeconds(5), condition);
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}

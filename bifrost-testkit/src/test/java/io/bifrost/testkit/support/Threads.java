package io.bifrost.testkit.support;

import java.util.Set;
import java.util.stream.Collectors;

/** Finds the threads a fake started, to prove that stop() ends them. */
public final class Threads {

    private Threads() {}

    public static Set<Thread> liveThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .collect(Collectors.toSet());
    }
}

package io.bifrost.core.backend;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The backends of the running server by name, in configuration order. Reads are lock-free over an immutable
 * snapshot; changes (API add/remove, [BKD-090], [BKD-091]) replace the snapshot. Thread-safe.
 */
public final class BackendRegistry {
    private final AtomicReference<Map<String, Backend>> byName;

    public BackendRegistry(List<Backend> backends) {
        Map<String, Backend> map = new LinkedHashMap<>();
        for (Backend b : backends) {
            if (map.putIfAbsent(b.name(), b) != null) {
                throw new IllegalArgumentException("backends: duplicate name \"" + b.name() + "\"");
            }
        }
        byName = new AtomicReference<>(Collections.unmodifiableMap(map));
    }

    public Optional<Backend> find(String name) {
        return Optional.ofNullable(byName.get().get(name));
    }

    /** Every declared backend, enabled or not, in configuration order. */
    public List<Backend> all() {
        return List.copyOf(byName.get().values());
    }

    /** Adds a backend at the end; fails when the name is taken. */
    public void add(Backend backend) {
        requireNonNull(backend, "backend");
        byName.updateAndGet(current -> {
            if (current.containsKey(backend.name())) {
                throw new IllegalArgumentException("backend: \"" + backend.name() + "\" (expected: a new name)");
            }
            Map<String, Backend> next = new LinkedHashMap<>(current);
            next.put(backend.name(), backend);
            return Collections.unmodifiableMap(next);
        });
    }

    /** Removes and stops a backend; returns it, or empty when unknown. */
    public Optional<Backend> remove(String name) {
        List<Backend> removed = new ArrayList<>(1);
        byName.updateAndGet(current -> {
            removed.clear();
            if (!current.containsKey(name)) {
                return current;
            }
            Map<String, Backend> next = new LinkedHashMap<>(current);
            removed.add(next.remove(name));
            return Collections.unmodifiableMap(next);
        });
        removed.forEach(Backend::stop);
        return removed.stream().findFirst();
    }
}

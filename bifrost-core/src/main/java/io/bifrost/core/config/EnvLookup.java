package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/** Reads environment variables for [CFG-020] expansion. Implementations must be side-effect free. */
@FunctionalInterface
public interface EnvLookup {

    /** The value of variable {@code name}; empty when it is not set (an empty string is a set value). */
    Optional<String> get(String name);

    /** The process environment. */
    static EnvLookup system() {
        return name -> Optional.ofNullable(System.getenv(name));
    }

    /** A fixed set of variables, for tests and tools. */
    static EnvLookup of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(requireNonNull(variables, "variables"));
        return name -> Optional.ofNullable(copy.get(name));
    }
}

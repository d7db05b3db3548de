package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;

/** Probe kinds of [BKD-062]. */
public enum HealthCheckType {
    TCP("tcp"),
    HTTP("http"),
    PING("ping");

    private final String wireName;

    HealthCheckType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<HealthCheckType> parse(String name) {
        requireNonNull(name, "name");
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}

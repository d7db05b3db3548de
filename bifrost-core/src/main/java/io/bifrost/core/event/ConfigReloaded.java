package io.bifrost.core.event;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ConfigProblem;
import java.time.Instant;
import java.util.List;

/**
 * A reload finished, successfully or not ([CFG-091], [EVT-024]).
 *
 * @param trigger {@code signal} or {@code api}
 * @param errors the problems when it failed; empty on success
 */
public record ConfigReloaded(Instant at, boolean success, String trigger, List<String> changedSections,
        List<String> hotReloadedSections, List<String> restartRequiredSections, List<ConfigProblem> errors)
        implements ProxyEvent {
    public ConfigReloaded {
        requireNonNull(at, "at");
        requireNonNull(trigger, "trigger");
        changedSections = List.copyOf(changedSections);
        hotReloadedSections = List.copyOf(hotReloadedSections);
        restartRequiredSections = List.copyOf(restartRequiredSections);
        errors = List.copyOf(errors);
    }
}

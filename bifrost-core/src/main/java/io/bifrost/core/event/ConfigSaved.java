package io.bifrost.core.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * The configuration file was written through the API ([EVT-025]).
 *
 * @param source {@code config}, {@code routes} or {@code backends}
 * @param backupPath the backup written first, or {@code null}
 */
public record ConfigSaved(Instant at, String source, List<String> changedSections, List<String> hotReloadedSections,
        List<String> restartRequiredSections, String backupPath) implements ProxyEvent {
    public ConfigSaved {
        requireNonNull(at, "at");
        requireNonNull(source, "source");
        changedSections = List.copyOf(changedSections);
        hotReloadedSections = List.copyOf(hotReloadedSections);
        restartRequiredSections = List.copyOf(restartRequiredSections);
    }
}

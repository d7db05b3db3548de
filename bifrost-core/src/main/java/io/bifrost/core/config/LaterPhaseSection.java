package io.bifrost.core.config;

import java.util.Map;

/**
 * A later-phase section kept as written: server {@code cache}, {@code session}, {@code mitm}, {@code mesh}; client
 * {@code system_proxy}, {@code vpn}, {@code mesh}. Only {@code enabled} is typed, because validation needs it.
 * Immutable.
 *
 * @param enabled the section's {@code enabled} key with its documented default (server {@code mesh}: true; the others
 *     false; {@code session} has none and reads false)
 * @param raw the section as written (unmodifiable); empty when absent; may hold secrets
 *     ({@code session.redis.password}, {@code mesh.discovery.token}, ...)
 */
public record LaterPhaseSection(boolean enabled, Map<String, Object> raw) {

    public LaterPhaseSection {
        raw = Trees.freezeMap(raw);
    }

    public static LaterPhaseSection disabled() {
        return new LaterPhaseSection(false, Map.of());
    }

    @Override
    public String toString() {
        return "LaterPhaseSection[enabled=" + enabled + ", " + raw.size() + " keys]";
    }
}

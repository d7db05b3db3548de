package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * An entry of {@code auth.providers} ([CFG-110]). Immutable.
 *
 * @param name unique among providers ([GEN-060])
 * @param type provider type
 * @param enabled default {@code true}
 * @param priority lower is tried first; ties by file order; default 0
 * @param users the typed users of a {@code native} provider ([SEC-032]); empty for other types
 * @param rawConfig the {@code config} map as written (unmodifiable); contains secrets
 */
public record AuthProviderConfig(
        String name,
        AuthProviderType type,
        boolean enabled,
        int priority,
        List<NativeUser> users,
        Map<String, Object> rawConfig) {

    public AuthProviderConfig {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        users = List.copyOf(users);
        rawConfig = Trees.freezeMap(requireNonNull(rawConfig, "rawConfig"));
    }

    @Override
    public String toString() {
        return "AuthProviderConfig[name=" + name + ", type=" + type.wireName() + ", enabled=" + enabled
                + ", priority=" + priority + ", users=" + users + "]";
    }
}

package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Section-wise comparison and composition of server configurations: which sections differ after normalisation
 * ([CFG-091] step 2, [SAPI-172] {@code pending_restart}) and the "running configuration" of [CFG-081], made of
 * sections taken from different loads. Stateless and thread-safe.
 */
public final class ConfigSections {
    private ConfigSections() {}

    /**
     * The sections whose normalised values differ, in canonical order. Formatting, comments, key order, type aliases
     * and the spelling of durations, sizes and rates are not changes; values are compared as {@link ServerConfigTree}
     * writes them.
     */
    public static List<ServerSection> changed(ServerConfig a, ServerConfig b) {
        requireNonNull(a, "a");
        requireNonNull(b, "b");
        return EnumSet.allOf(ServerSection.class).stream()
                .filter(s -> !Objects.equals(ServerConfigTree.section(a, s), ServerConfigTree.section(b, s)))
                .toList();
    }

    /** Wire names of {@code sections} in canonical order, as API responses and events list them. */
    public static List<String> names(Collection<ServerSection> sections) {
        Set<ServerSection> set = sections.isEmpty() ? EnumSet.noneOf(ServerSection.class) : EnumSet.copyOf(sections);
        return set.stream().map(ServerSection::wireName).toList();
    }

    /** {@code base} with each section of {@code sections} taken from {@code from}. */
    public static ServerConfig replace(ServerConfig base, ServerConfig from, Collection<ServerSection> sections) {
        requireNonNull(base, "base");
        requireNonNull(from, "from");
        Set<ServerSection> s = sections.isEmpty() ? EnumSet.noneOf(ServerSection.class) : EnumSet.copyOf(sections);
        return new ServerConfig(
                pick(s, ServerSection.SERVER, base.server(), from.server()),
                pick(s, ServerSection.BACKENDS, base.backends(), from.backends()),
                pick(s, ServerSection.ROUTES, base.routes(), from.routes()),
                pick(s, ServerSection.AUTH, base.auth(), from.auth()),
                pick(s, ServerSection.RATE_LIMIT, base.rateLimit(), from.rateLimit()),
                pick(s, ServerSection.ACCESS_CONTROL, base.accessControl(), from.accessControl()),
                pick(s, ServerSection.ACCESS_LOG, base.accessLog(), from.accessLog()),
                pick(s, ServerSection.METRICS, base.metrics(), from.metrics()),
                pick(s, ServerSection.LOGGING, base.logging(), from.logging()),
                pick(s, ServerSection.WEB_UI, base.webUi(), from.webUi()),
                pick(s, ServerSection.API, base.api(), from.api()),
                pick(s, ServerSection.HEALTH_CHECK, base.healthCheck(), from.healthCheck()),
                pick(s, ServerSection.AUTO_UPDATE, base.autoUpdate(), from.autoUpdate()),
                pick(s, ServerSection.CACHE, base.cache(), from.cache()),
                pick(s, ServerSection.NETWORK, base.network(), from.network()),
                pick(s, ServerSection.SESSION, base.session(), from.session()),
                pick(s, ServerSection.MITM, base.mitm(), from.mitm()),
                pick(s, ServerSection.MESH, base.mesh(), from.mesh()));
    }

    /** {@code config} with another {@code backends} list (backends added or removed through the API, [BKD-092]). */
    public static ServerConfig withBackends(ServerConfig config, List<BackendConfig> backends) {
        requireNonNull(config, "config");
        return new ServerConfig(config.server(), backends, config.routes(), config.auth(), config.rateLimit(),
                config.accessControl(), config.accessLog(), config.metrics(), config.logging(), config.webUi(),
                config.api(), config.healthCheck(), config.autoUpdate(), config.cache(), config.network(),
                config.session(), config.mitm(), config.mesh());
    }

    private static <T> T pick(Set<ServerSection> sections, ServerSection section, T base, T from) {
        return sections.contains(section) ? from : base;
    }
}

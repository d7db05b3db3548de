package io.bifrost.adapters.vertx.control;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.config.BackendConfig;
import io.bifrost.core.config.ConfigEdits;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.ConfigSections;
import io.bifrost.core.config.RouteConfig;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.config.ServerSection;
import io.bifrost.core.event.ConfigSaved;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backends added and removed through the API ([BKD-090]-[BKD-092], [SAPI-031], [SAPI-041]). They take effect at
 * once although {@code backends} is restart-only for reloads: the running configuration follows. The file is written
 * before the running set changes, so a failed save leaves everything as it was. Runs on the control's worker only.
 */
final class BackendChanges {
    private static final List<String> BACKENDS = List.of(ServerSection.BACKENDS.wireName());

    private final ControlContext ctx;

    BackendChanges(ControlContext ctx) {
        this.ctx = ctx;
    }

    ServerControl.BackendChange add(Map<String, Object> body) {
        Map<String, Object> entry = withCompatibleConfig(body);
        ControlState s = ctx.state();
        if (entry.get("name") instanceof String name && s.current().backend(name).isPresent()) {
            throw new ControlException(ControlException.Code.ALREADY_EXISTS,
                    "a backend named \"" + name + "\" already exists", List.of(), Map.of("backend", name));
        }
        Map<String, Object> source = ConfigEdits.source(s.current());
        backends(source).add(entry);
        ConfigResult<ServerConfig> result = ctx.read(source);
        ServerConfig next = ControlContext.valid(result);
        BackendConfig added = next.backends().get(next.backends().size() - 1);
        List<BackendConfig> runningBackends = new ArrayList<>(s.running().backends());
        runningBackends.add(added);
        ServerConfig running = ConfigSections.withBackends(s.running(), runningBackends);
        ControlContext.Saved saved = ctx.save(next, source, false, running, result.warnings());
        Backend backend = ctx.runtime.startBackend(running, added);
        ctx.lifecycle.started(backend, added);
        ctx.state(saved.state());
        ctx.events.publish(new ConfigSaved(ctx.clock.instant(), "backends", BACKENDS, BACKENDS, List.of(), null));
        return new ServerControl.BackendChange(added.name(), added.type().wireName(), backend.running(),
                ControlContext.warningsOf(result, ServerSection.BACKENDS));
    }

    void remove(String name) {
        ControlState s = ctx.state();
        if (s.current().backend(name).isEmpty()) {
            throw new ControlException(ControlException.Code.BACKEND_NOT_FOUND,
                    "no backend named \"" + name + "\" is configured", List.of(), Map.of("backend", name));
        }
        List<String> users = s.current().routes().stream()
                .filter(r -> r.backends().contains(name))
                .map(RouteConfig::name)
                .toList();
        if (!users.isEmpty()) {
            throw new ControlException(ControlException.Code.IN_USE, "routes refer to backend \"" + name + "\"",
                    List.of(), Map.of("backend", name, "routes", users));
        }
        Map<String, Object> source = ConfigEdits.source(s.current());
        backends(source).removeIf(b -> b instanceof Map<?, ?> m && name.equals(m.get("name")));
        ConfigResult<ServerConfig> result = ctx.read(source);
        ServerConfig next = ControlContext.valid(result);
        ServerConfig running = ConfigSections.withBackends(s.running(),
                s.running().backends().stream().filter(b -> !b.name().equals(name)).toList());
        ControlContext.Saved saved = ctx.save(next, source, false, running, result.warnings());
        ctx.runtime.stopBackend(name);
        ctx.lifecycle.stopped(name);
        ctx.state(saved.state());
        ctx.events.publish(new ConfigSaved(ctx.clock.instant(), "backends", BACKENDS, BACKENDS, List.of(), null));
    }

    /**
     * [SAPI-031] compatibility: without {@code config}, an object member named after the {@code type} value (e.g.
     * {@code "httpproxy": {...}} with {@code "type": "httpproxy"}) is the {@code config}.
     */
    static Map<String, Object> withCompatibleConfig(Map<String, Object> body) {
        Object type = body.get("type");
        if (body.containsKey("config") || !(type instanceof String t) || !(body.get(t) instanceof Map<?, ?>)) {
            return new LinkedHashMap<>(body);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        body.forEach((k, v) -> entry.put(k.equals(t) ? "config" : k, v));
        return entry;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> backends(Map<String, Object> source) {
        return (List<Object>) source.get("backends");
    }
}

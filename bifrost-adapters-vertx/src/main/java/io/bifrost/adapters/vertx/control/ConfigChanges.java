package io.bifrost.adapters.vertx.control;

import static io.bifrost.core.config.ConfigSections.names;

import io.bifrost.adapters.vertx.config.LoadedServerConfig;
import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.core.config.ConfigEdits;
import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.ConfigSections;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.config.ServerSection;
import io.bifrost.core.event.ConfigReloaded;
import io.bifrost.core.event.ConfigSaved;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole-configuration changes: {@code PUT /config} ([SAPI-173]), {@code POST /config/validate} ([SAPI-174]) and
 * reloads ([CFG-091], [SAPI-175]). Runs on the control's worker only.
 */
final class ConfigChanges {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigChanges.class);

    private final ControlContext ctx;
    private final ServerConfigLoader loader;

    ConfigChanges(ControlContext ctx, ServerConfigLoader loader) {
        this.ctx = ctx;
        this.loader = loader;
    }

    /**
     * [SAPI-173]: merge, validate (with the open-proxy rule when {@code access_control} changes, [SEC-090]), stop
     * when nothing changed, back up and write, apply the changed hot sections as one reload, emit
     * {@code config.saved}. A hot section that cannot be built leaves the file saved and nothing applied.
     */
    ServerControl.SaveOutcome put(Map<String, Object> sections, boolean backup) {
        ControlState s = ctx.state();
        Map<String, Object> source = ConfigEdits.mergeSections(s.current(), sections);
        ConfigResult<ServerConfig> result = ctx.read(source);
        ServerConfig next = ControlContext.valid(result);
        List<ServerSection> changed = ConfigSections.changed(s.current(), next);
        if (changed.contains(ServerSection.ACCESS_CONTROL)) {
            refuseOpenProxy(next, result.warnings());
        }
        if (changed.isEmpty()) {
            return new ServerControl.SaveOutcome("No changes", null, List.of(), List.of(), List.of(), List.of(),
                    result.warnings());
        }
        List<ServerSection> hot = changed.stream().filter(ServerSection::isHot).toList();
        List<ServerSection> restartOnly = changed.stream().filter(c -> !c.isHot()).toList();
        // access_control was checked above, as a validation rule ([SEC-090]); routes are built here ([CFG-091] step 3)
        List<ConfigProblem> buildProblems = hot.contains(ServerSection.ROUTES)
                ? ctx.routesAgainstRunningBackends(next) : List.of();
        boolean applies = buildProblems.isEmpty();
        ServerConfig running = applies ? ConfigSections.replace(s.running(), next, hot) : s.running();
        ControlContext.Saved saved = ctx.save(next, source, backup, running, result.warnings());
        if (applies) {
            ctx.apply(next, hot);
        }
        ctx.state(saved.state());
        List<ServerSection> hotApplied = applies ? hot : List.of();
        List<ServerSection> restart = applies ? restartOnly : changed;
        ctx.events.publish(new ConfigSaved(ctx.clock.instant(), "config", names(changed), names(hotApplied),
                names(restart), saved.backupPath()));
        return new ServerControl.SaveOutcome(applies ? "Configuration saved" : "Configuration saved; reload failed",
                saved.backupPath(), names(changed), names(hotApplied), names(restart), asReloadErrors(buildProblems),
                result.warnings());
    }

    /** [SAPI-174]: what {@link #put} would say about {@code sections}, without writing anything. */
    ServerControl.ValidationOutcome validate(Map<String, Object> sections) {
        ServerConfig current = ctx.state().current();
        ConfigResult<ServerConfig> result = ctx.read(ConfigEdits.mergeSections(current, unwrapped(sections)));
        List<ConfigProblem> errors = new ArrayList<>(result.errors());
        if (result.isValid() && ConfigSections.changed(current, result.config()).contains(
                ServerSection.ACCESS_CONTROL)) {
            ctx.openProxy(result.config()).ifPresent(errors::add);
        }
        return new ServerControl.ValidationOutcome(errors.isEmpty(), errors, result.warnings());
    }

    /** The body may be bare or wrapped as {@code {"config": {...}}} ([SAPI-174]); {@code config} is no section. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> unwrapped(Map<String, Object> body) {
        return body.size() == 1 && body.get("config") instanceof Map<?, ?> inner ? (Map<String, Object>) inner : body;
    }

    /**
     * [CFG-091]: load the file as at start-up, compare with the running configuration, build every changed hot
     * section, swap them all or none, emit {@code config.reload}.
     */
    ServerControl.ReloadOutcome reload(ServerControl.ReloadTrigger trigger) {
        ControlState s = ctx.state();
        Path file = ctx.store.target(s);
        ConfigResult<LoadedServerConfig> loaded = loader.loadWithSource(file);
        if (!loaded.isValid()) {
            throw reloadFailed(trigger, List.of(), loaded.problems());
        }
        LoadedServerConfig l = loaded.config();
        List<ServerSection> changed = ConfigSections.changed(s.running(), l.config());
        List<ServerSection> hot = changed.stream().filter(ServerSection::isHot).toList();
        List<ServerSection> restartOnly = changed.stream().filter(c -> !c.isHot()).toList();
        List<ConfigProblem> problems = ctx.buildProblems(l.config(), hot);
        if (!problems.isEmpty()) {
            throw reloadFailed(trigger, changed, problems);
        }
        ServerConfig running = ConfigSections.replace(s.running(), l.config(), hot);
        ctx.apply(l.config(), hot);
        ctx.state(new ControlState(l.originalTree(), l.config(), l.config(), running, l.warnings(), file,
                l.fileModified()));
        l.warnings().forEach(w -> LOG.warn("{}", w));
        LOG.info("configuration reloaded from {}: hot-reloaded {}, restart required for {}", file, names(hot),
                names(restartOnly));
        ctx.events.publish(new ConfigReloaded(ctx.clock.instant(), true, trigger.wireName(), names(changed),
                names(hot), names(restartOnly), List.of()));
        return new ServerControl.ReloadOutcome(names(changed), names(hot), names(restartOnly), l.warnings());
    }

    private ControlException reloadFailed(ServerControl.ReloadTrigger trigger, List<ServerSection> changed,
            List<ConfigProblem> problems) {
        List<ConfigProblem> errors = problems.stream().filter(ConfigProblem::isError).toList();
        errors.forEach(e -> LOG.error("reload failed: {}", e));
        ctx.events.publish(new ConfigReloaded(ctx.clock.instant(), false, trigger.wireName(), names(changed),
                List.of(), names(changed.stream().filter(c -> !c.isHot()).toList()), errors));
        return new ControlException(ControlException.Code.RELOAD_FAILED,
                "the configuration was not reloaded: " + errors.size() + " error(s); the running configuration is "
                        + "unchanged", problems, Map.of());
    }

    /** [SEC-090] at run time: an API save that would create an open proxy is a {@code VALIDATION_FAILED}. */
    private void refuseOpenProxy(ServerConfig next, List<ConfigProblem> warnings) {
        ctx.openProxy(next).ifPresent(refusal -> {
            List<ConfigProblem> problems = new ArrayList<>();
            problems.add(refusal);
            problems.addAll(warnings);
            throw ControlContext.validationFailed(problems);
        });
    }

    /** [SAPI-173] {@code errors}: reload problems, in the form of [CFG-062] with {@code section: "reload"}. */
    private static List<ConfigProblem> asReloadErrors(List<ConfigProblem> problems) {
        return problems.stream()
                .map(p -> new ConfigProblem(p.path(), p.message(), p.severity(), "reload"))
                .toList();
    }
}

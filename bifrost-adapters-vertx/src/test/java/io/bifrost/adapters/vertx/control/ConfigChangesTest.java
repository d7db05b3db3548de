package io.bifrost.adapters.vertx.control;

import static io.bifrost.adapters.vertx.control.ControlFixture.refusal;
import static io.bifrost.adapters.vertx.control.ControlFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bifrost.adapters.vertx.config.LoadedServerConfig;
import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.RouteConfig;
import io.bifrost.core.event.ConfigReloaded;
import io.bifrost.core.event.ConfigSaved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code PUT /config}, {@code validate} and reloads ([SAPI-173]-[SAPI-175], [CFG-091]). */
class ConfigChangesTest {
    @TempDir
    Path dir;

    private ControlFixture f;

    @BeforeEach
    void start() {
        f = new ControlFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private ServerControl.SectionMeta meta(String section) {
        return f.control.meta().stream().filter(m -> m.section().equals(section)).findFirst().orElseThrow();
    }

    @Test
    void putConfig_sameValues_isNoChangesAndWritesNothing() throws IOException {
        long modified = Files.getLastModifiedTime(f.file).toMillis();

        ServerControl.SaveOutcome outcome = f.control.putConfig(Map.of("backends", f.control.currentTree(false)
                .get("backends")), true).await();

        assertThat(outcome.message()).isEqualTo("No changes");
        assertThat(outcome.changedSections()).isEmpty();
        assertThat(outcome.backupPath()).isNull();
        assertThat(f.text()).isEqualTo(ControlFixture.BASE);
        assertThat(Files.getLastModifiedTime(f.file).toMillis()).isEqualTo(modified);
        assertThat(f.events).isEmpty();
    }

    @Test
    void putConfig_hotAndRestartOnlySections_savedWithBackup_hotApplied_restartReported() throws IOException {
        ServerControl.SaveOutcome outcome = f.control.putConfig(Map.of(
                "rate_limit", Map.of("enabled", true, "requests_per_second", 200, "burst_size", 400),
                "server", Map.of("http", Map.of("listen", "127.0.0.1:0", "read_timeout", "1m"),
                        "socks5", Map.of("listen", ""))), true).await();

        assertThat(outcome.message()).isEqualTo("Configuration saved");
        assertThat(outcome.changedSections()).containsExactly("server", "rate_limit");
        assertThat(outcome.hotReloadedSections()).containsExactly("rate_limit");
        assertThat(outcome.restartRequiredSections()).containsExactly("server");
        assertThat(outcome.reloadErrors()).isEmpty();
        assertThat(outcome.backupPath()).startsWith(f.file + ".backup.");
        assertThat(Files.readString(Path.of(outcome.backupPath()))).isEqualTo(ControlFixture.BASE);
        assertThat(f.runtime.calls).containsExactly("rate_limit");
        assertThat(f.runtime.rateLimit.requestsPerSecond()).isEqualTo(200);
        assertThat(f.control.current().server().http().readTimeout()).hasSeconds(60);
        assertThat(f.control.running().server().http().readTimeout()).as("restart-only").hasSeconds(30);
        assertThat(f.control.running().rateLimit().enabled()).isTrue();
        assertThat(meta("server").pendingRestart()).isTrue();
        assertThat(meta("rate_limit").pendingRestart()).isFalse();
        assertThat(f.control.restartRequiredSections()).containsExactly("server");
        assertThat(f.text()).contains("read_timeout: 1m", "password: ${CORP_PASS}", "custom_extension: kept");
        assertThat(f.events).singleElement().isInstanceOfSatisfying(ConfigSaved.class, e -> {
            assertThat(e.source()).isEqualTo("config");
            assertThat(e.backupPath()).isEqualTo(outcome.backupPath());
            assertThat(e.restartRequiredSections()).containsExactly("server");
        });
    }

    @Test
    void putConfig_routeToABackendAddedInTheSameSave_savedButReloadFailed() {
        ServerControl.SaveOutcome outcome = f.control.putConfig(Map.of(
                "backends", List.of(Map.of("name", "direct", "type", "direct"),
                        Map.of("name", "corp", "type", "http_proxy", "config", Map.of("address", "127.0.0.1:3128")),
                        Map.of("name", "wg-osaka", "type", "socks5_proxy", "config", Map.of("address", "10.0.0.9:1080"))),
                "routes", List.of(Map.of("name", "corp", "domains", List.of("*.corp.example"), "backend", "corp"),
                        Map.of("name", "osaka", "domains", List.of("*.jp"), "backend", "wg-osaka"))), false).await();

        assertThat(outcome.message()).isEqualTo("Configuration saved; reload failed");
        assertThat(outcome.changedSections()).containsExactly("backends", "routes");
        assertThat(outcome.hotReloadedSections()).isEmpty();
        assertThat(outcome.restartRequiredSections()).containsExactly("backends", "routes");
        assertThat(outcome.reloadErrors()).containsExactly(new ConfigProblem("routes[1].backend",
                "backend \"wg-osaka\" is not running; restart required", ConfigProblem.Severity.ERROR, "reload"));
        assertThat(f.runtime.calls).isEmpty();
        assertThat(f.control.current().routes()).hasSize(2);
        assertThat(f.text()).contains("wg-osaka").as("the stored secret is kept").contains("${CORP_PASS}");
        assertThat(meta("routes").pendingRestart()).isTrue();
    }

    @Test
    void putConfig_invalid_isValidationFailedWithErrorsAndWarnings_andNothingIsWritten() {
        ControlException e = refusal(f.control.putConfig(Map.of("rate_limit", Map.of("burst_size", 0,
                "per_ip", false, "enabled", true), "access_log", Map.of("format", "xml")), false));

        assertThat(e.code()).isEqualTo(ControlException.Code.VALIDATION_FAILED);
        assertThat(texts(e.problems())).contains("rate_limit.burst_size: must be at least 1, got 0",
                "access_log.format: must be one of json, apache, combined, common, got \"xml\"");
        assertThat(f.text()).isEqualTo(ControlFixture.BASE);
    }

    @Test
    void putConfig_accessControlThatOpensTheProxy_isRefused() {
        f.runtime.openProxy = List::isEmpty;
        f.control.putConfig(Map.of("access_control", Map.of("whitelist", List.of("10.0.0.0/8"))), false).await();

        ControlException e = refusal(f.control.putConfig(Map.of("access_control", Map.of("whitelist", List.of())),
                false));

        assertThat(e.code()).isEqualTo(ControlException.Code.VALIDATION_FAILED);
        assertThat(e.problems().get(0).path()).isEqualTo("server.http.listen");
        assertThat(e.problems().get(0).message()).startsWith("refusing to run an open proxy on public address");
        assertThat(f.control.running().accessControl().whitelist()).hasSize(1);
    }

    @Test
    void putConfig_secretsMaskedOrMissing_keepTheirPlaceholders() {
        Map<String, Object> masked = f.control.currentTree(false);
        assertThat(masked.toString()).doesNotContain("corp-secret").contains("********");

        ServerControl.SaveOutcome outcome = f.control.putConfig(Map.of("backends", masked.get("backends"),
                "api", Map.of("listen", "127.0.0.1:0", "token", "a-brand-new-api-token")), false).await();

        assertThat(outcome.changedSections()).containsExactly("api");
        assertThat(f.text()).contains("password: ${CORP_PASS}", "token: a-brand-new-api-token");
        assertThat(f.control.currentTree(true).toString()).contains("corp-secret");
    }

    @Test
    void validate_bareOrWrapped_reportsWithoutWriting() {
        ServerControl.ValidationOutcome bad = f.control.validate(Map.of("config", Map.of("routes",
                List.of(Map.of("domains", List.of("*"), "backend", "wg"))))).await();
        ServerControl.ValidationOutcome good = f.control.validate(Map.of("rate_limit", Map.of("enabled", true)))
                .await();

        assertThat(bad.valid()).isFalse();
        assertThat(texts(bad.errors())).containsExactly("routes[0].backend: unknown backend \"wg\"");
        assertThat(good.valid()).isTrue();
        assertThat(good.errors()).isEmpty();
        assertThat(f.text()).isEqualTo(ControlFixture.BASE);
    }

    @Test
    void reload_brokenFile_isRefusedWithEveryProblem_andNothingChanges() {
        ControlFixture.write(f.file, ControlFixture.BASE.replace("backend: direct", "backend: wg")
                .replace("priority: 10", "priority: high"));

        ControlException e = refusal(f.control.reload(ServerControl.ReloadTrigger.SIGNAL));

        assertThat(e.code()).isEqualTo(ControlException.Code.RELOAD_FAILED);
        assertThat(texts(e.problems())).containsExactly("routes[0].priority: must be an integer, got \"high\"",
                "routes[1].backend: unknown backend \"wg\"", "custom_extension: unknown key");
        assertThat(e.problems().get(2).isError()).as("warnings come along, marked as such").isFalse();
        assertThat(f.runtime.calls).isEmpty();
        assertThat(f.control.current().routes().get(0).priority()).isEqualTo(10);
        assertThat(f.events).singleElement().isInstanceOfSatisfying(ConfigReloaded.class, r -> {
            assertThat(r.success()).isFalse();
            assertThat(r.trigger()).isEqualTo("signal");
            assertThat(r.errors()).hasSize(2);
        });
    }

    @Test
    void reload_appliesChangedHotSections_reportsRestartOnlyOnes() {
        ControlFixture.write(f.file, ControlFixture.BASE.replace("priority: 10", "priority: 20")
                .replace("listen: \"127.0.0.1:0\"\n  socks5", "listen: \"127.0.0.1:0\"\n    read_timeout: 45s\n"
                        + "  socks5") + "rate_limit:\n  enabled: true\n");

        ServerControl.ReloadOutcome outcome = f.control.reload(ServerControl.ReloadTrigger.API).await();

        assertThat(outcome.changedSections()).containsExactly("server", "routes", "rate_limit");
        assertThat(outcome.hotReloadedSections()).containsExactly("routes", "rate_limit");
        assertThat(outcome.restartRequiredSections()).containsExactly("server");
        assertThat(texts(outcome.warnings())).contains("custom_extension: unknown key");
        assertThat(f.runtime.calls).containsExactly("routes", "rate_limit");
        assertThat(f.runtime.routes.get(0).priority()).isEqualTo(20);
        assertThat(f.control.running().server().http().readTimeout()).hasSeconds(30);
        assertThat(f.control.current().server().http().readTimeout()).hasSeconds(45);
        assertThat(f.control.restartRequiredSections()).containsExactly("server");
        assertThat(f.events).singleElement().isInstanceOfSatisfying(ConfigReloaded.class, r -> {
            assertThat(r.success()).isTrue();
            assertThat(r.trigger()).isEqualTo("api");
            assertThat(r.hotReloadedSections()).containsExactly("routes", "rate_limit");
        });
    }

    @Test
    void reload_routeToABackendEnabledButNotRunning_failsAllOrNothing() {
        String text = ControlFixture.BASE
                .replace("    type: direct\n    enabled: false", "    type: direct\n    enabled: true")
                .replace("  - domains: [\"*\"]", "  - domains: [\"*.spare.example\"]\n    backend: spare\n"
                        + "  - domains: [\"*\"]")
                + "rate_limit:\n  enabled: true\n";
        ControlFixture.write(f.file, text);

        ControlException e = refusal(f.control.reload(ServerControl.ReloadTrigger.API));

        assertThat(texts(e.problems())).containsExactly(
                "routes[1].backend: backend \"spare\" is not running; restart required");
        assertThat(f.runtime.calls).as("rate_limit is not applied either").isEmpty();
        assertThat(f.control.running().rateLimit().enabled()).isFalse();
    }

    @Test
    void reload_accessControlThatOpensTheProxy_failsLikeABrokenFile() {
        f.runtime.openProxy = List::isEmpty;
        f.control.putConfig(Map.of("access_control", Map.of("whitelist", List.of("10.0.0.0/8"))), false).await();
        f.runtime.calls.clear();
        ControlFixture.write(f.file, ControlFixture.BASE + "access_control:\n  whitelist: []\n");

        ControlException e = refusal(f.control.reload(ServerControl.ReloadTrigger.SIGNAL));

        assertThat(e.code()).isEqualTo(ControlException.Code.RELOAD_FAILED);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("server.http.listen");
            assertThat(p.message()).startsWith("refusing to run an open proxy");
        });
        assertThat(f.runtime.calls).isEmpty();
        assertThat(f.control.running().accessControl().whitelist()).hasSize(1);
    }

    @Test
    void builtInDefault_firstSaveCreatesTheDefaultFile() throws IOException {
        Path defaultFile = Files.createDirectory(dir.resolve("cwd")).resolve("server-config.yaml");
        LoadedServerConfig loaded = new ServerConfigLoader(ControlFixture.ENV).loadBuiltInDefaultWithSource()
                .orElseThrow();
        FileServerControl control = new FileServerControl(f.vertx, loaded, new FakeRuntime("direct"),
                FileServerControl.Options.of(f.events::add, InstantSource.system()).withDefaultFile(defaultFile));
        assertThat(control.file()).isEmpty();

        control.putConfig(Map.of("rate_limit", Map.of("enabled", true)), true).await();

        assertThat(control.file()).contains(defaultFile.toAbsolutePath());
        assertThat(Files.readString(defaultFile)).contains("rate_limit:\n  enabled: true", "127.0.0.1:7080");
        assertThat(new ServerConfigLoader(ControlFixture.ENV).load(defaultFile).orElseThrow().rateLimit().enabled())
                .isTrue();
    }

    @Test
    void mutations_askedForAtOnce_runOneAtATime() throws Exception {
        f.runtime.holdRoutes = new CountDownLatch(1);

        var first = f.control.addRoute(Map.of("name", "a", "domains", List.of("a.example"), "backend", "direct"));
        f.runtime.routesEntered.await();
        var second = f.control.addRoute(Map.of("name", "b", "domains", List.of("b.example"), "backend", "direct"));
        Thread.sleep(200);

        assertThat(second.isComplete()).as("the second change waits for the first").isFalse();
        assertThat(f.runtime.calls).containsExactly("routes");
        f.runtime.holdRoutes.countDown();
        first.await();
        second.await();
        assertThat(f.control.current().routes()).extracting(RouteConfig::name)
                .containsExactly("corp", "route-2", "a", "b");
        assertThat(f.text()).contains("name: a", "name: b");
    }

    @Test
    void close_letsTheChangesAlreadyAskedForFinish() throws Exception {
        f.runtime.holdRoutes = new CountDownLatch(1);
        var pending = f.control.addRoute(Map.of("name", "a", "domains", List.of("a.example"), "backend", "direct"));
        f.runtime.routesEntered.await();

        var closed = f.control.close();
        f.runtime.holdRoutes.countDown();

        closed.await();
        assertThat(pending.await().route()).containsEntry("name", "a");
        assertThat(catchThrowable(f.control.removeRoute("a")::await)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}

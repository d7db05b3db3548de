package io.bifrost.adapters.vertx.control;

import static io.bifrost.adapters.vertx.control.ControlFixture.refusal;
import static io.bifrost.adapters.vertx.control.ControlFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.config.BackendConfig;
import io.bifrost.core.config.BackendSettings;
import io.bifrost.core.event.ConfigSaved;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backends added and removed at run time ([BKD-090]-[BKD-092], [SAPI-031], [SAPI-041]). */
class BackendChangesTest {
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

    @Test
    void addBackend_compatibleConfigKey_isSavedStartedAndReported() {
        List<String> lifecycle = new CopyOnWriteArrayList<>();
        f.close();
        f = new ControlFixture(dir, ControlFixture.BASE, o -> o.withLifecycle(new BackendLifecycle() {
            @Override
            public void started(Backend backend, BackendConfig config) {
                lifecycle.add("started " + backend.name() + " " + config.healthCheck().interval());
            }

            @Override
            public void stopped(String name) {
                lifecycle.add("stopped " + name);
            }
        }));

        ServerControl.BackendChange change = f.control.addBackend(Map.of("name", "eu", "type", "httpproxy",
                "httpproxy", Map.of("address", "198.51.100.20:3128", "username", "bifrost", "password", "s3cret"),
                "health_check", Map.of("type", "tcp", "interval", "15s"))).await();

        assertThat(change).isEqualTo(new ServerControl.BackendChange("eu", "http_proxy", true, List.of()));
        assertThat(f.runtime.calls).containsExactly("start eu");
        assertThat(lifecycle).containsExactly("started eu PT15S");
        assertThat(f.control.running().backend("eu")).isPresent();
        assertThat(f.control.restartRequiredSections()).as("API backend changes take effect at once").isEmpty();
        assertThat(((BackendSettings.HttpProxy) f.control.current().backend("eu").orElseThrow().settings())
                .password()).isEqualTo("s3cret");
        assertThat(((List<?>) f.tree().get("backends")).get(3)).isEqualTo(Map.of("name", "eu", "type", "http_proxy",
                "config", Map.of("address", "198.51.100.20:3128", "username", "bifrost", "password", "s3cret"),
                "health_check", Map.of("type", "tcp", "interval", "15s")));
        assertThat(f.events).singleElement().isInstanceOfSatisfying(ConfigSaved.class, e -> {
            assertThat(e.source()).isEqualTo("backends");
            assertThat(e.hotReloadedSections()).containsExactly("backends");
        });

        f.control.removeBackend("eu").await();

        assertThat(lifecycle).containsExactly("started eu PT15S", "stopped eu");
        assertThat(f.runtime.calls).containsExactly("start eu", "stop eu");
    }

    @Test
    void addBackend_refusals_nameTakenAndRulesWithTheEntrysPath() {
        ControlException taken = refusal(f.control.addBackend(Map.of("name", "corp", "type", "direct")));
        ControlException invalid = refusal(f.control.addBackend(Map.of("name", "eu", "type", "http_proxy")));

        assertThat(taken.code()).isEqualTo(ControlException.Code.ALREADY_EXISTS);
        assertThat(taken.subject()).isEqualTo(Map.of("backend", "corp"));
        assertThat(invalid.code()).isEqualTo(ControlException.Code.VALIDATION_FAILED);
        assertThat(texts(invalid.problems())).containsExactly("backends[3].config.address: required for type "
                + "http_proxy");
        assertThat(f.runtime.calls).isEmpty();
    }

    @Test
    void addBackend_disabled_isSavedButNotRunning() {
        ServerControl.BackendChange change = f.control.addBackend(Map.of("name", "later", "type", "direct",
                "enabled", false)).await();

        assertThat(change.running()).isFalse();
        assertThat(f.runtime.running).doesNotContain("later");
    }

    @Test
    void removeBackend_inUse_listsTheRoutes_unknownIsNotFound_unusedIsRemoved() {
        ControlException inUse = refusal(f.control.removeBackend("corp"));
        ControlException missing = refusal(f.control.removeBackend("wg-tokyo"));
        f.control.removeBackend("spare").await();

        assertThat(inUse.code()).isEqualTo(ControlException.Code.IN_USE);
        assertThat(inUse.subject()).isEqualTo(Map.of("backend", "corp", "routes", List.of("corp")));
        assertThat(inUse.getMessage()).isEqualTo("routes refer to backend \"corp\"");
        assertThat(missing.code()).isEqualTo(ControlException.Code.BACKEND_NOT_FOUND);
        assertThat(missing.subject()).isEqualTo(Map.of("backend", "wg-tokyo"));
        assertThat(f.runtime.calls).containsExactly("stop spare");
        assertThat(f.control.current().backend("spare")).isEmpty();
        assertThat(f.control.running().backend("spare")).isEmpty();
        assertThat(f.text()).doesNotContain("spare");
    }
}

package io.bifrost.adapters.vertx.control;

import static io.bifrost.adapters.vertx.control.ControlFixture.refusal;
import static io.bifrost.adapters.vertx.control.ControlFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.config.FileSystemOps;
import io.bifrost.core.config.RouteConfig;
import io.bifrost.core.event.ConfigSaved;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Route changes through the control ([SAPI-110]-[SAPI-140], [SAPI-120]). */
class RouteChangesTest {
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

    private static Map<String, Object> route(String name, String domain, String backend) {
        return Map.of("name", name, "domains", List.of(domain), "backend", backend);
    }

    @Test
    void addRoute_savesSwapsAndEmits_withGeneratedNamesWrittenOut() {
        ServerControl.RouteChange change = f.control.addRoute(Map.of("name", "social",
                "domains", List.of("*.social.example", "chat.example.org"), "backend", "direct", "priority", 75))
                .await();

        assertThat(change.route()).isEqualTo(Map.of("name", "social",
                "domains", List.of("*.social.example", "chat.example.org"), "backend", "direct", "priority", 75L,
                "enabled", true));
        assertThat(f.runtime.routes).extracting(RouteConfig::name).containsExactly("corp", "route-2", "social");
        assertThat(f.control.current().routes()).extracting(RouteConfig::name)
                .containsExactly("corp", "route-2", "social");
        assertThat(f.tree().get("routes")).isEqualTo(List.of(
                Map.of("name", "corp", "domains", List.of("*.corp.example"), "backend", "corp", "priority", 10L),
                Map.of("name", "route-2", "domains", List.of("*"), "backend", "direct"),
                Map.of("name", "social", "domains", List.of("*.social.example", "chat.example.org"),
                        "backend", "direct", "priority", 75L)));
        assertThat(f.text()).contains("custom_extension: kept", "password: ${CORP_PASS}", "type: httpproxy")
                .doesNotContain("corp-secret", "# comments");
        assertThat(f.events).singleElement().isInstanceOfSatisfying(ConfigSaved.class, e -> {
            assertThat(e.source()).isEqualTo("routes");
            assertThat(e.changedSections()).containsExactly("routes");
            assertThat(e.hotReloadedSections()).containsExactly("routes");
            assertThat(e.restartRequiredSections()).isEmpty();
        });
    }

    @Test
    void addRoute_refusals_inTheOrderOfTheSpec_andNothingChanges() {
        String before = f.text();

        ControlException taken = refusal(f.control.addRoute(Map.of("name", "corp", "domains", List.of("x"),
                "backend", "nope")));
        ControlException unknown = refusal(f.control.addRoute(Map.of("name", "social", "domains", List.of("x"),
                "backends", List.of("direct", "wg", "wg2"))));
        ControlException invalid = refusal(f.control.addRoute(Map.of("name", "social", "domains", List.of("a..b"),
                "backend", "direct")));
        ControlException unnamed = refusal(f.control.addRoute(Map.of("domains", List.of("x.example"),
                "backend", "direct")));

        assertThat(taken.code()).isEqualTo(ControlException.Code.ALREADY_EXISTS);
        assertThat(taken.subject()).isEqualTo(Map.of("route", "corp"));
        assertThat(unknown.code()).isEqualTo(ControlException.Code.UNKNOWN_BACKEND);
        assertThat(unknown.subject()).isEqualTo(Map.of("backend", "wg"));
        assertThat(unknown.getMessage())
                .isEqualTo("route \"social\" refers to backend \"wg\", which is not configured");
        assertThat(invalid.code()).isEqualTo(ControlException.Code.VALIDATION_FAILED);
        assertThat(texts(invalid.problems())).singleElement().asString().startsWith("routes[2].domains[0]: ");
        assertThat(unnamed.code()).isEqualTo(ControlException.Code.VALIDATION_FAILED);
        assertThat(texts(unnamed.problems())).contains("routes[2].name: required");
        assertThat(f.text()).isEqualTo(before);
        assertThat(f.runtime.calls).isEmpty();
        assertThat(f.events).isEmpty();
    }

    @Test
    void addRoute_toAnEnabledBackendThatIsNotRunning_isRefused_disabledIsFine() {
        f.runtime.running.remove("corp");

        ControlException e = refusal(f.control.addRoute(route("c2", "c2.example", "corp")));
        ServerControl.RouteChange spare = f.control.addRoute(route("s", "s.example", "spare")).await();

        assertThat(e.code()).isEqualTo(ControlException.Code.VALIDATION_FAILED);
        assertThat(texts(e.problems())).as("the running route to corp is not checked again").containsExactly(
                "routes[2].backend: backend \"corp\" is not running; restart required");
        assertThat(texts(spare.warnings())).contains("routes[2]: all backends of route \"s\" are disabled");
    }

    @Test
    void replaceRoute_keepsThePosition_renames_andRefusesClashesAndUnknownNames() {
        ServerControl.RouteChange change = f.control.replaceRoute("route-2", Map.of("name", "default",
                "domains", List.of("*"), "backends", List.of("direct", "corp"), "load_balance", "round_robin"))
                .await();
        ControlException clash = refusal(f.control.replaceRoute("corp", Map.of("name", "default",
                "domains", List.of("*"), "backend", "direct")));
        ControlException missing = refusal(f.control.replaceRoute("nope", route("x", "x", "direct")));

        assertThat(change.route()).containsEntry("name", "default").containsEntry("backends", List.of("direct", "corp"));
        assertThat(f.control.current().routes()).extracting(RouteConfig::name).containsExactly("corp", "default");
        assertThat(clash.code()).isEqualTo(ControlException.Code.ALREADY_EXISTS);
        assertThat(missing.code()).isEqualTo(ControlException.Code.ROUTE_NOT_FOUND);
        assertThat(missing.subject()).isEqualTo(Map.of("route", "nope"));
    }

    @Test
    void replaceRoute_withoutName_keepsTheName() {
        f.control.replaceRoute("corp", Map.of("domains", List.of("*.corp.example", "intranet.*"), "backend", "corp"))
                .await();

        assertThat(f.control.current().routes().get(0).name()).isEqualTo("corp");
        assertThat(f.control.current().routes().get(0).domains()).hasSize(2);
    }

    @Test
    void removeRoute_byGeneratedName_andUnknownIsNotFound() {
        f.control.removeRoute("route-2").await();
        ControlException missing = refusal(f.control.removeRoute("route-2"));

        assertThat(f.control.current().routes()).extracting(RouteConfig::name).containsExactly("corp");
        assertThat(f.runtime.routes).extracting(RouteConfig::name).containsExactly("corp");
        assertThat((List<?>) f.tree().get("routes")).hasSize(1);
        assertThat(missing.code()).isEqualTo(ControlException.Code.ROUTE_NOT_FOUND);
    }

    @Test
    void addRoute_saveFails_nothingChanges() {
        f.close();
        FileSystemOps failing = new FileSystemOps() {
            @Override
            public void writeSynced(Path file, byte[] content) {
                FileSystemOps.system().writeSynced(file, content);
            }

            @Override
            public void moveAtomically(Path source, Path target) {
                throw new UncheckedIOException(new IOException("injected rename failure"));
            }
        };
        f = new ControlFixture(dir, ControlFixture.BASE, ControlFixture.fileSystem(failing));

        ControlException e = refusal(f.control.addRoute(route("social", "*.social.example", "direct")));

        assertThat(e.code()).isEqualTo(ControlException.Code.SAVE_FAILED);
        assertThat(e.getMessage()).contains("injected rename failure");
        assertThat(f.text()).isEqualTo(ControlFixture.BASE);
        assertThat(f.control.current().routes()).hasSize(2);
        assertThat(f.runtime.calls).isEmpty();
        assertThat(f.events).isEmpty();
    }
}

package io.bifrost.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.backend.BackendRegistry;
import io.bifrost.core.backend.LoadBalanceStrategy;
import io.bifrost.core.backend.TestBackends;
import io.bifrost.core.event.ProxyEvent;
import io.bifrost.core.event.RoutePanicChanged;
import io.bifrost.core.health.ProbeOutcome;
import io.bifrost.core.traffic.ErrorCode;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RouteResolverTest {
    private final List<ProxyEvent> events = new ArrayList<>();
    private final Backend a = TestBackends.running("a");
    private final Backend b = TestBackends.running("b");
    private final Backend parked = new Backend("parked", "direct", false, 0, a.health(), null);
    private final BackendRegistry registry = new BackendRegistry(List.of(a, b, parked));

    private RouteResolver resolver(Route... routes) {
        return new RouteResolver(RouteTable.of(List.of(routes)), registry, events::add,
                InstantSource.fixed(TestBackends.T0));
    }

    private static Route pool(String name, String pattern, String... backends) {
        return new Route(name, List.of(HostPattern.parse(pattern)), List.of(backends), LoadBalanceStrategy.ROUND_ROBIN,
                Map.of(), 0, true, new SplittableRandom(1));
    }

    @Test
    void resolve_noRoute_refusesNamingTheHost() {
        RouteDecision decision = resolver(pool("r", "*.example.com", "a")).resolve(key("files.example.org"), "x");

        assertThat(decision).isEqualTo(new RouteDecision.Refuse(ErrorCode.NO_ROUTE,
                "no route for host \"files.example.org\"", null));
    }

    @Test
    void resolve_roundRobin_alternates() {
        RouteResolver resolver = resolver(pool("r", "*", "a", "b"));

        assertThat(backendOf(resolver.resolve(key("x.test"), "c"))).isEqualTo("a");
        assertThat(backendOf(resolver.resolve(key("x.test"), "c"))).isEqualTo("b");
        assertThat(backendOf(resolver.resolve(key("x.test"), "c"))).isEqualTo("a");
    }

    @Test
    void resolve_unhealthyBackendIsSkipped() {
        RouteResolver resolver = resolver(pool("r", "*", "a", "b"));
        markDown(a);

        for (int i = 0; i < 4; i++) {
            assertThat(backendOf(resolver.resolve(key("x.test"), "c"))).isEqualTo("b");
        }
        assertThat(events).isEmpty();
    }

    @Test
    void resolve_allUnhealthy_panicSelectsAmongAllAndReportsTransitionOnce() {
        RouteResolver resolver = resolver(pool("media", "*", "a", "b"));
        markDown(a);
        markDown(b);

        List<String> picks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RouteDecision.Forward f = (RouteDecision.Forward) resolver.resolve(key("x.test"), "c");
            assertThat(f.panic()).isTrue();
            picks.add(f.backend().name());
        }

        assertThat(picks).containsExactly("a", "b", "a", "b");
        assertThat(events).containsExactly(new RoutePanicChanged(TestBackends.T0, "media", true, 2));
        assertThat(resolver.table().find("media").orElseThrow().panicSelections()).isEqualTo(4);

        a.health().record(ProbeOutcome.success(TestBackends.T0, Duration.ZERO));
        assertThat(((RouteDecision.Forward) resolver.resolve(key("x.test"), "c")).panic()).isFalse();
        assertThat(events).last().isEqualTo(new RoutePanicChanged(TestBackends.T0, "media", false, 2));
    }

    @Test
    void resolve_onlyDisabledOrUnknownBackends_isNoBackend() {
        RouteDecision decision = resolver(pool("media", "*.example.com", "parked")).resolve(key("video.example.com"),
                "c");

        assertThat(decision).isInstanceOfSatisfying(RouteDecision.Refuse.class, r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.NO_BACKEND);
            assertThat(r.message()).isEqualTo("route \"media\" has no usable backend for host \"video.example.com\"");
        });
    }

    @Test
    void resolve_removedBackend_isNoLongerACandidate() {
        RouteResolver resolver = resolver(pool("r", "*", "a", "b"));
        registry.remove("a");

        assertThat(backendOf(resolver.resolve(key("x.test"), "c"))).isEqualTo("b");
        assertThat(backendOf(resolver.resolve(key("x.test"), "c"))).isEqualTo("b");
    }

    @Test
    void replace_swapsTableAndResetsSelectionState() {
        RouteResolver resolver = resolver(pool("r", "*", "a", "b"));
        resolver.resolve(key("x.test"), "c");

        resolver.replace(RouteTable.of(List.of(pool("r", "*", "a", "b"))));

        assertThat(backendOf(resolver.resolve(key("x.test"), "c"))).isEqualTo("a");
    }

    @Test
    void preview_roundRobin_showsNextWithoutAdvancing() {
        RouteResolver resolver = resolver(pool("r", "*.example.com", "a", "b"));

        RoutePreview first = resolver.preview(key("api.example.com"), "c");
        RoutePreview second = resolver.preview(key("api.example.com"), "c");

        assertThat(first.next()).isSameAs(a);
        assertThat(second.next()).isSameAs(a);
        assertThat(first.pattern().text()).isEqualTo("*.example.com");
        assertThat(first.refusal()).isNull();
        assertThat(backendOf(resolver.resolve(key("api.example.com"), "c"))).isEqualTo("a");
        assertThat(resolver.preview(key("api.example.com"), "c").next()).isSameAs(b);
    }

    @Test
    void preview_random_hasNoForetoldBackend() {
        Route random = new Route("r", List.of(HostPattern.parse("*")), List.of("a", "b"), LoadBalanceStrategy.RANDOM,
                Map.of(), 0, true, new SplittableRandom(1));

        RoutePreview preview = resolver(random).preview(key("x.test"), "c");

        assertThat(preview.refusal()).isNull();
        assertThat(preview.next()).isNull();
    }

    @Test
    void preview_allUnhealthy_reportsPanicWithoutPublishing() {
        RouteResolver resolver = resolver(pool("r", "*", "a", "b"));
        markDown(a);
        markDown(b);

        RoutePreview preview = resolver.preview(key("x.test"), "c");

        assertThat(preview.panic()).isTrue();
        assertThat(preview.next()).isSameAs(a);
        assertThat(events).isEmpty();
        assertThat(resolver.table().find("r").orElseThrow().inPanic()).isFalse();
    }

    @Test
    void preview_noRouteAndNoBackend_carryTheClientsMessage() {
        RouteResolver resolver = resolver(pool("media", "*.example.com", "parked"));

        RoutePreview none = resolver.preview(key("files.example.org"), "c");
        RoutePreview parkedOnly = resolver.preview(key("video.example.com"), "c");

        assertThat(none.refusal()).isEqualTo(ErrorCode.NO_ROUTE);
        assertThat(none.message()).isEqualTo("no route for host \"files.example.org\"");
        assertThat(none.route()).isNull();
        assertThat(parkedOnly.refusal()).isEqualTo(ErrorCode.NO_BACKEND);
        assertThat(parkedOnly.route().name()).isEqualTo("media");
        assertThat(parkedOnly.message())
                .isEqualTo("route \"media\" has no usable backend for host \"video.example.com\"");
    }

    private static void markDown(Backend backend) {
        backend.health().record(ProbeOutcome.failure(TestBackends.T0, Duration.ZERO, "refused"));
    }

    private static String backendOf(RouteDecision decision) {
        return ((RouteDecision.Forward) decision).backend().name();
    }

    private static RoutingKey key(String host) {
        return RoutingKey.parse(host).orElseThrow();
    }
}

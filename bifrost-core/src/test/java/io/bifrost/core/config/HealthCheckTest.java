package io.bifrost.core.config;

import static io.bifrost.core.config.ServerTrees.readWith;
import static io.bifrost.core.config.ServerTrees.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
    private static final String BACKENDS = """
            backends: [{name: direct, type: direct},
                       {name: corp, type: http_proxy, config: {address: '198.51.100.20:3128'}}]""";

    @Test
    void read_blockRules_exactMessages() {
        ConfigResult<ServerConfig> result = readWith("""
                {health_check: {type: icmp, interval: 500ms, timeout: 0s, path: health, healthy_threshold: -1,
                                unhealthy_threshold: x}}""");

        assertThat(texts(result)).containsExactly(
                "error: health_check.type: must be one of tcp, http, ping",
                "error: health_check.interval: must be at least 1s",
                "error: health_check.timeout: must be greater than 0",
                "error: health_check.path: must start with \"/\", got \"health\"",
                "error: health_check.healthy_threshold: must be at least 0, got -1",
                "error: health_check.unhealthy_threshold: must be an integer, got \"x\"");
    }

    @Test
    void read_schemeAndInsecureRules() {
        ConfigResult<ServerConfig> result = readWith("{%s, health_check: {scheme: ftp}}".formatted(BACKENDS));
        assertThat(texts(result)).containsExactly(
                "error: health_check.scheme: must be \"http\" or \"https\", got \"ftp\"");

        result = readWith("{%s, health_check: {type: tcp, scheme: https}}".formatted(BACKENDS));
        assertThat(texts(result)).containsExactly(
                "error: health_check.scheme: only allowed with type \"http\", got type \"tcp\"");

        result = readWith("{%s, health_check: {insecure_skip_verify: true}}".formatted(BACKENDS));
        assertThat(texts(result)).containsExactly(
                "error: health_check.insecure_skip_verify: only allowed with type \"http\"");

        result = readWith("{%s, health_check: {type: http, insecure_skip_verify: true}}".formatted(BACKENDS));
        assertThat(texts(result)).containsExactly(
                "error: health_check.insecure_skip_verify: requires scheme \"https\"");

        result = readWith("{%s, health_check: {type: http, scheme: https, insecure_skip_verify: true}}"
                .formatted(BACKENDS));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void read_backendBlock_isCheckedAgainstTheInheritedType() {
        ConfigResult<ServerConfig> result = readWith("""
                {health_check: {type: http},
                 backends: [{name: corp, type: http_proxy, config: {address: 'p:3128'},
                             health_check: {scheme: https}},
                            {name: other, type: http_proxy, config: {address: 'q:3128'},
                             health_check: {type: tcp, scheme: https}}],
                 routes: []}""");

        assertThat(texts(result)).containsExactly(
                "error: backends[1].health_check.scheme: only allowed with type \"http\", got type \"tcp\"");
    }

    @Test
    void read_timeoutLongerThanInterval_isAWarning() {
        assertThat(texts(readWith("{health_check: {interval: 5s, timeout: 10s}}"))).containsExactly(
                "warning: health_check.timeout: timeout \"10s\" is longer than interval \"5s\"");
    }

    @Test
    void read_targetMustFitTheType() {
        ConfigResult<ServerConfig> result = readWith("""
                {backends: [{name: a, type: direct, health_check: {target: example.com}},
                            {name: b, type: direct, health_check: {type: http, target: 'example.com:8080'}},
                            {name: c, type: direct, health_check: {type: http, target: example.com}},
                            {name: d, type: direct, health_check: {type: ping, target: 'example.com:80'}},
                            {name: e, type: direct, health_check: {type: ping, target: '2001:db8::1'}}],
                 routes: []}""");

        assertThat(texts(result)).containsExactly(
                "error: backends[0].health_check.target: invalid target \"example.com\" for type tcp "
                        + "(expected host:port)",
                "error: backends[3].health_check.target: invalid target \"example.com:80\" for type ping "
                        + "(expected a host name or IP address)");
    }

    @Test
    void read_directBackendBlockWithoutTarget_isAnError() {
        ConfigResult<ServerConfig> result = readWith(
                "{backends: [{name: direct, type: direct, health_check: {interval: 10s}}]}");

        assertThat(texts(result)).containsExactly(
                "error: backends[0].health_check.target: required for a direct backend");
    }

    @Test
    void read_topLevelBlockWithoutTarget_appliesToBackendsWithAnAddressOnly() {
        ServerConfig c = readWith("{%s, health_check: {type: tcp, interval: 60s, timeout: 10s}}".formatted(BACKENDS))
                .orElseThrow();

        assertThat(c.healthCheckOf(c.backends().get(0))).isEmpty();
        assertThat(c.healthCheckOf(c.backends().get(1))).contains(new EffectiveHealthCheck(HealthCheckType.TCP,
                Duration.ofSeconds(60), Duration.ofSeconds(10), "198.51.100.20:3128", "/health", "http", false, 1, 1));
    }

    @Test
    void effective_overlaysFieldByFieldAndAppliesDefaults() {
        HealthCheckConfig top = new HealthCheckConfig(HealthCheckType.HTTP, Duration.ofSeconds(60), null, null,
                "/ping", null, null, 3, 0);
        HealthCheckConfig own = new HealthCheckConfig(null, Duration.ofSeconds(10), null, "10.0.0.1:8080", null,
                "https", true, null, null);

        Optional<EffectiveHealthCheck> effective =
                HealthCheckConfig.effective(top, own, HostPort.parse("p:3128"));

        assertThat(effective).contains(new EffectiveHealthCheck(HealthCheckType.HTTP, Duration.ofSeconds(10),
                Duration.ofSeconds(5), "10.0.0.1:8080", "/ping", "https", true, 3, 1));
    }

    @Test
    void effective_noBlockOrNoTarget_isEmpty() {
        assertThat(HealthCheckConfig.effective(null, null, HostPort.parse("p:1"))).isEmpty();
        assertThat(HealthCheckConfig.effective(HealthCheckConfig.empty(), null, null)).isEmpty();
        assertThat(HealthCheckConfig.effective(HealthCheckConfig.empty(), null, HostPort.parse("p:1")))
                .map(EffectiveHealthCheck::target).contains("p:1");
    }

    @Test
    void read_backendBlockAsWritten_isKeptOnTheBackend() {
        ServerConfig c = readWith("""
                {backends: [{name: corp, type: http_proxy, config: {address: 'p:3128'},
                             health_check: {type: http, path: /status, healthy_threshold: 2}}],
                 routes: []}""").orElseThrow();

        assertThat(c.backends().get(0).healthCheck()).isEqualTo(new HealthCheckConfig(HealthCheckType.HTTP, null,
                null, null, "/status", null, null, 2, null));
        assertThat(c.healthCheckOf(c.backends().get(0))).map(EffectiveHealthCheck::target).contains("p:3128");
    }
}

package io.bifrost.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Parsing the Prometheus text format 0.0.4 that {@code GET /metrics} answers. */
class MetricsScrapeTest {
    private static final String TEXT = """
            # HELP bifrost_requests_total Requests.
            # TYPE bifrost_requests_total counter
            bifrost_requests_total{protocol="http",method="GET",status="200"} 3.0
            bifrost_requests_total{protocol="socks5",method="CONNECT",status="0"} 1.0
            # TYPE bifrost_request_duration_seconds histogram
            bifrost_request_duration_seconds_bucket{protocol="http",le="+Inf"} 3.0
            bifrost_request_duration_seconds_sum{protocol="http"} 0.25
            # TYPE bifrost_uptime_seconds gauge
            bifrost_uptime_seconds 12.5
            """;

    @Test
    void parse_typesSamplesAndLabels_areFound() {
        MetricsScrape s = MetricsScrape.parse(TEXT);

        assertThat(s.types()).containsEntry("bifrost_requests_total", "counter")
                .containsEntry("bifrost_request_duration_seconds", "histogram").hasSize(3);
        assertThat(s.samples()).hasSize(5);
        assertThat(s.value("bifrost_requests_total", "protocol", "http", "method", "GET", "status", "200"))
                .contains(3.0);
        assertThat(s.value("bifrost_uptime_seconds")).contains(12.5);
        assertThat(s.labelNames("bifrost_requests_total")).containsExactly("method", "protocol", "status");
        assertThat(s.has("bifrost_request_duration_seconds_sum")).isTrue();
        assertThat(s.has("bifrost_request_duration_seconds")).isFalse();
    }

    @Test
    void value_labelsMustMatchExactly_elseEmptyAndZero() {
        MetricsScrape s = MetricsScrape.parse(TEXT);

        assertThat(s.value("bifrost_requests_total", "protocol", "http")).isEmpty();
        assertThat(s.valueOrZero("bifrost_requests_total", "protocol", "http")).isZero();
        assertThat(s.valueOrZero("bifrost_request_duration_seconds_sum", "protocol", "http")).isEqualTo(0.25);
    }

    @Test
    void parse_lineThatIsNoSample_isRejectedWithTheLine() {
        assertThatThrownBy(() -> MetricsScrape.parse("not a sample\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a sample line: not a sample");
    }
}

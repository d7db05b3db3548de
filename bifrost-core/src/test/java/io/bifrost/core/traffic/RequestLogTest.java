package io.bifrost.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    private static RequestRecord record(String host) {
        return new RequestRecord(Instant.EPOCH, "c/1", "192.0.2.1", 5000, null, Protocol.HTTP, "GET", host, 80, "/",
                "http://" + host + "/", 200, 10, 5, 1.5, "r", "direct", null, null, null);
    }

    @Test
    void add_beyondCapacity_keepsNewestAndIdsKeepGrowing() {
        RequestLog log = new RequestLog(3);
        for (int i = 1; i <= 5; i++) {
            log.add(record("h" + i));
        }

        RequestLog.Page page = log.page(100, 0, OptionalLong.empty());

        assertThat(page.entries()).extracting(RequestLog.Entry::id).containsExactly(5L, 4L, 3L);
        assertThat(page.total()).isEqualTo(3);
        assertThat(log.stats()).isEqualTo(new RequestLog.Stats(3, 3, 5, OptionalLong.of(3), OptionalLong.of(5)));
    }

    @Test
    void page_sinceLimitOffset_filterThenSkipThenCut() {
        RequestLog log = new RequestLog(10);
        for (int i = 1; i <= 8; i++) {
            log.add(record("h" + i));
        }

        RequestLog.Page page = log.page(2, 1, OptionalLong.of(3));

        assertThat(page.entries()).extracting(RequestLog.Entry::id).containsExactly(7L, 6L);
        assertThat(page.total()).isEqualTo(5);
    }

    @Test
    void clear_emptiesButIdsContinue() {
        RequestLog log = new RequestLog(10);
        log.add(record("a"));
        log.add(record("b"));

        log.clear();
        RequestLog.Entry next = log.add(record("c"));

        assertThat(next.id()).isEqualTo(3);
        assertThat(log.stats().count()).isEqualTo(1);
        assertThat(log.stats().totalRecorded()).isEqualTo(3);
    }

    @Test
    void zeroCapacity_isDisabledAndKeepsNothing() {
        RequestLog log = new RequestLog(0);
        log.add(record("a"));

        assertThat(log.enabled()).isFalse();
        assertThat(log.page(10, 0, OptionalLong.empty()).entries()).isEmpty();
        assertThat(log.stats().oldestId()).isEmpty();
    }
}

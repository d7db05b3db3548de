package io.bifrost.adapters.vertx.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which methods a path takes, the facts behind 404, 405 and {@code Allow} ([GEN-024], [SEC-021], [SAPI-002]). */
class EndpointsTest {
    private static Vertx vertx;
    private static Endpoints endpoints;

    @BeforeAll
    static void table() {
        vertx = Vertx.vertx();
        endpoints = new Endpoints(Router.router(vertx), new RequestTimeout(vertx, Duration.ofSeconds(30)));
        endpoints.json(HttpMethod.GET, "/api/v1/routes", ctx -> Future.succeededFuture());
        endpoints.json(HttpMethod.POST, "/api/v1/routes", ctx -> Future.succeededFuture());
        endpoints.json(HttpMethod.POST, "/api/v1/routes/test", ctx -> Future.succeededFuture());
        endpoints.json(HttpMethod.GET, "/api/v1/routes/:name", ctx -> Future.succeededFuture());
        endpoints.json(HttpMethod.DELETE, "/api/v1/routes/:name", ctx -> Future.succeededFuture());
        endpoints.raw(Set.of(HttpMethod.GET), "/api/v1/cache/*");
    }

    @AfterAll
    static void close() {
        vertx.close().await();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/routes         | GET, POST",
            "/api/v1/routes/        | GET, POST",          // a trailing slash is the same path
            "/api/v1/routes/web     | GET, DELETE",
            "/api/v1/routes/test    | GET, POST, DELETE",  // the literal and the :name template both match
            "/api/v1/cache          | GET",                // a final * matches the prefix itself
            "/api/v1/cache/a/b      | GET",                // ... and anything under it
    })
    void allowed_unionOfEveryMatchingTemplate_inTheAllowOrder(String path, String allow) {
        assertThat(Endpoints.allowHeader(endpoints.allowed(path))).isEqualTo(allow);
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/route", "/api/v1/routes/web/stats", "/api/v1/routes//", "/api/v1", "/", "/api/v1/cachex"})
    void allowed_noTemplateMatches_isEmpty(String path) {
        assertThat(endpoints.allowed(path)).isZero();
    }
}

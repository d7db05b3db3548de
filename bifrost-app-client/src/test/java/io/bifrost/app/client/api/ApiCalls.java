package io.bifrost.app.client.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Calls the client's management API with the JDK HttpClient, as a browser or {@code curl} would: mutations carry
 * {@code X-Requested-With} unless a test leaves it out. Thread-safe.
 */
final class ApiCalls {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Supplier<URI> base;

    /** @param base the API's base address, read at each call (the client may restart between tests) */
    ApiCalls(Supplier<URI> base) {
        this.base = base;
    }

    Answer get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Answer delete(String path) {
        return send("DELETE", path, null, "X-Requested-With", "XMLHttpRequest");
    }

    /** A JSON mutation with the CSRF header. */
    Answer post(String path, String json) {
        return send("POST", path, json, "X-Requested-With", "XMLHttpRequest", "Content-Type", "application/json");
    }

    Answer put(String path, String json) {
        return send("PUT", path, json, "X-Requested-With", "XMLHttpRequest", "Content-Type", "application/json");
    }

    /** Any request: {@code headers} are name/value pairs; {@code body} null for none. */
    Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.get().resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One response. */
    record Answer(int status, HttpHeaders headers, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }

        JsonArray array() {
            return new JsonArray(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}

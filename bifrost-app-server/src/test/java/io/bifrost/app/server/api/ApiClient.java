package io.bifrost.app.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A JDK {@link HttpClient} pointed at a management API, with the calls tests make: {@link #get}, {@link #send} (a
 * mutation with the CSRF header) and {@link #request} (anything). Thread-safe.
 */
final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    /** @param token sent as {@code Authorization: Bearer}; {@code null} for none */
    ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    ApiClient withToken(String other) {
        return new ApiClient(base, other);
    }

    Response get(String path) {
        return request("GET", path, null);
    }

    /** A mutation as the seed's clients send it: token, {@code X-Requested-With}, JSON. */
    Response send(String method, String path, String json) {
        return request(method, path, json, "X-Requested-With", "XMLHttpRequest", "Content-Type", "application/json");
    }

    /** @param headers name, value, name, value, ... */
    Response request(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One response; {@link #json()} and {@link #array()} parse the body. */
    record Response(int status, java.net.http.HttpHeaders headers, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }

        JsonArray array() {
            return new JsonArray(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        Optional<String> optionalHeader(String name) {
            return headers.firstValue(name);
        }

        List<String> allow() {
            return List.of(header("Allow").split(",\\s*"));
        }

        Response assertStatus(int expectedStatus) {
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            return this;
        }

        /** Asserts the error body of [GEN-021]: status, JSON content type, {@code error} and {@code code}. */
        JsonObject assertError(int expectedStatus, String expectedCode) {
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            assertThat(header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            JsonObject json = json();
            assertThat(json.getString("code")).isEqualTo(expectedCode);
            assertThat(json.getString("error")).isNotBlank();
            return json;
        }
    }
}

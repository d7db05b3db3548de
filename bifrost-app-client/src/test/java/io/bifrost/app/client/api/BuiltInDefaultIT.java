package io.bifrost.app.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.config.ConfigTemplates;
import io.bifrost.app.client.Poll;
import io.bifrost.core.client.DebugEntry;
import io.bifrost.core.config.ApiConfig;
import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.vertx.core.json.JsonObject;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client run without a file ([CFG-003]): its built-in default has no server, so every request goes direct
 * ([RTE-081]), nothing warns ([RTE-082]), and {@code GET /api/v1/config/defaults} shows what runs ([CAPI-054]). The
 * built-in text is used as it is, except that its listeners move to port 0.
 */
class BuiltInDefaultIT {
    /**
     * On {@code 127.0.0.2}: a loopback destination that no local-name route ({@code localhost}, {@code 127.0.0.1},
     * {@code ::1}, {@code *.local}) matches, as any remote host would not.
     */
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin =
            FakeServerExtension.of(FakeHttpOrigin.http().onHost("127.0.0.2"));

    @RegisterExtension
    @Order(2)
    static final BifrostClientExtension client = BifrostClientExtension.withConfig(BuiltInDefaultIT::onPortZero);

    private final ApiCalls api = new ApiCalls(client::api);

    /** The built-in default with its three listeners on port 0, nothing else changed. */
    static String onPortZero() {
        String text = ConfigTemplates.clientBuiltInDefault();
        for (String listen : List.of(ConfigTemplates.CLIENT_HTTP_LISTEN, ConfigTemplates.CLIENT_SOCKS5_LISTEN,
                ApiConfig.clientDefaults().listen().toString())) {
            assertThat(text).contains("\"" + listen + "\"");
            text = text.replace("\"" + listen + "\"", "\"127.0.0.1:0\"");
        }
        return text;
    }

    @Test
    void get_nonLocalHost_goesDirectToTheOriginWithoutWarnings() throws Exception {
        HttpClient http = HttpClient.newBuilder().proxy(ProxySelector.of(client.httpProxy()))
                .connectTimeout(Duration.ofSeconds(5)).build();
        String url = origin.get().url("/hello");

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200); // not 503 no_backend from a "*" → server route
        assertThat(response.body()).isEqualTo("hello");
        assertThat(origin.get().requests()).hasSize(1);
        Poll.until("the debug entry", () -> !client.client().debugger().page(10, 0).entries().isEmpty());
        DebugEntry entry = client.client().debugger().page(10, 0).entries().get(0);
        assertThat(entry.action()).isEqualTo(Action.DIRECT);
        assertThat(entry.record().route()).isNull(); // the no-match rule decided, no route
        assertThat(client.control().warnings()).isEmpty();
        assertThat(api.get("/api/v1/status").json().getJsonArray("warnings")).isEmpty();
    }

    @Test
    void defaults_areTheRunningConfiguration() {
        JsonObject defaults = api.get("/api/v1/config/defaults").json();
        JsonObject running = api.get("/api/v1/config").json();

        assertThat(defaults.getJsonArray("routes")).isEmpty();
        assertThat(withoutListeners(running)).isEqualTo(withoutListeners(defaults));
    }

    /** The configuration without the listen addresses, the one thing this test changed. */
    private static JsonObject withoutListeners(JsonObject config) {
        JsonObject copy = config.copy();
        copy.getJsonObject("proxy").getJsonObject("http").remove("listen");
        copy.getJsonObject("proxy").getJsonObject("socks5").remove("listen");
        copy.getJsonObject("api").remove("listen");
        return copy;
    }
}

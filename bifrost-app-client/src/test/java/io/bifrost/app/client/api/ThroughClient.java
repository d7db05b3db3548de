package io.bifrost.app.client.api;

import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests through the client's HTTP proxy listener, for the traffic the API reports. */
final class ThroughClient {
    /** A direct-only client whose route {@code local} sends {@code localhost} direct. */
    static final String LOCALHOST_DIRECT = ClientTestConfigs.client("""
            routes:
              - name: local
                domains: ["localhost"]
                action: direct
            """);

    private ThroughClient() {}

    /** GETs {@code url} through {@code client}'s HTTP listener; returns the status. */
    static int get(BifrostClientExtension client, String url) {
        HttpClient http = HttpClient.newBuilder().proxy(ProxySelector.of(client.httpProxy()))
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

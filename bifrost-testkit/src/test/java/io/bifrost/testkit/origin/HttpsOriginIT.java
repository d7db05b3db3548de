package io.bifrost.testkit.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.testkit.clients.ClientVertx;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpsOriginIT {

    private Vertx vertx;
    private FakeHttpOrigin origin;

    @BeforeEach
    void startOriginOnTheTestsVertx() {
        vertx = Vertx.vertx();
        origin = FakeHttpOrigin.https(vertx);
        origin.startAndAwait();
    }

    @AfterEach
    void stop() {
        origin.close();
        vertx.close().await();
    }

    @Test
    void jdkClient_trustingTheCertificate_getsHelloOverVerifiedTls() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .sslContext(origin.certificate().clientSslContext())
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(origin.url("/hello"))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(origin.url("/hello")).startsWith("https://127.0.0.1:");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
        assertThat(origin.requests()).hasSize(1);
    }

    @Test
    void jdkClient_withDefaultTrust_rejectsTheSelfSignedCertificate() {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();

        assertThatThrownBy(() -> client.send(
                        HttpRequest.newBuilder(URI.create(origin.url("/hello"))).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(origin.requests()).isEmpty();
    }

    @Test
    void vertxClient_withTrustOptionsAndHostVerification_reachesLocalhostAndTheIp() {
        assertThat(get("127.0.0.1")).isEqualTo("hello");
        assertThat(get("localhost")).isEqualTo("hello");
    }

    @Test
    void stop_onTheCallersVertx_leavesThatVertxRunning() {
        origin.close();

        FakeHttpOrigin second = FakeHttpOrigin.http(vertx);
        second.startAndAwait();
        assertThat(second.port()).isPositive();
        second.close();
    }

    private String get(String host) {
        try (ClientVertx clientVertx = new ClientVertx()) {
            HttpClient client = clientVertx.vertx().createHttpClient(new HttpClientOptions()
                    .setSsl(true)
                    .setVerifyHost(true)
                    .setTrustOptions(origin.trustOptions()));
            return clientVertx.await(() -> client.request(HttpMethod.GET, origin.port(), host, "/hello")
                            .compose(request -> request.send())
                            .compose(response -> response.body()))
                    .toString();
        }
    }
}

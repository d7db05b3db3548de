package io.bifrost.adapters.vertx.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.config.ServerConfigReader;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A first end-to-end look at the data path with a plain Vert.x origin; the scenario matrix lives in the app. */
class ServerSmokeIT {
    private Vertx vertx;
    private HttpServer origin;
    private BifrostServer server;

    @BeforeEach
    void start() {
        vertx = BifrostVertx.create();
        origin = vertx.createHttpServer().requestHandler(req -> req.response().end("hello " + req.uri()))
                .listen(0, "127.0.0.1").await();
        Map<String, Object> tree = Map.of(
                "server", Map.of("http", Map.of("listen", "127.0.0.1:0"), "socks5", Map.of("listen", "127.0.0.1:0")),
                "backends", List.of(Map.of("name", "direct", "type", "direct")),
                "routes", List.of(Map.of("domains", List.of("*"), "backend", "direct")),
                "network", Map.of("allow_loopback_destinations", true),
                "api", Map.of("listen", "127.0.0.1:0"),
                "metrics", Map.of("listen", "127.0.0.1:0"));
        ServerConfig config = ServerConfigReader.read(tree).orElseThrow();
        server = BifrostServer.create(vertx, config, ServerOptions.defaults()).start().await();
    }

    @AfterEach
    void stop() {
        server.stop().await();
        vertx.close().await();
    }

    @Test
    void httpForward_jdkClient_getsOriginBody() throws Exception {
        int port = server.httpAddress().orElseThrow().port();
        HttpClient client = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", port))).build();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + origin.actualPort() + "/a?b=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> again = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + origin.actualPort() + "/c")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello /a?b=1");
        assertThat(response.headers().firstValue("via")).hasValue("1.1 bifrost");
        assertThat(again.body()).isEqualTo("hello /c");
    }

    @Test
    void connect_rawSocket_tunnelsAfterExactReply() throws Exception {
        int port = server.httpAddress().orElseThrow().port();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("CONNECT 127.0.0.1:" + origin.actualPort() + " HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /t HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(all).startsWith("HTTP/1.1 200 Connection established\r\n\r\nHTTP/1.1 200 OK");
            assertThat(all).endsWith("hello /t");
        }
    }

    @Test
    void socks5_domainConnect_tunnels() throws Exception {
        int port = server.socks5Address().orElseThrow().port();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(new byte[] {5, 1, 0});
            assertThat(in.readNBytes(2)).containsExactly(5, 0);
            byte[] host = "localhost".getBytes(StandardCharsets.US_ASCII);
            out.write(new byte[] {5, 1, 0, 3, (byte) host.length});
            out.write(host);
            out.write(new byte[] {(byte) (origin.actualPort() >> 8), (byte) origin.actualPort()});
            byte[] reply = in.readNBytes(10);
            assertThat(reply[1]).isEqualTo((byte) 0);
            out.write("GET /s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).endsWith("hello /s");
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(server.traffic().total().activeConnections()).isZero());
    }
}

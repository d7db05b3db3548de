package io.bifrost.app.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The access log of a running server ([SEC-070]-[SEC-073]): one line per proxied request, in a file. */
class AccessLogIT {
    private static final Path DIR = tempDir();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> config("json",
            DIR.resolve("json/access.log")));

    private HttpClient client;

    @org.junit.jupiter.api.BeforeEach
    void client() {
        client = HttpClient.newBuilder().proxy(ProxySelector.of(bifrost.httpProxy())).build(); // follows restarts
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("bifrost-access-log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteFiles() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String config(String format, Path output) {
        return """
                server:
                  http:
                    listen: "127.0.0.1:0"
                  socks5:
                    listen: "127.0.0.1:0"
                  graceful_period: "1s"
                api:
                  listen: "127.0.0.1:0"
                metrics:
                  enabled: false
                access_log:
                  enabled: true
                  format: "%s"
                  output: "%s"
                network:
                  allow_loopback_destinations: true
                backends:
                  - name: direct
                    type: direct
                routes:
                  - name: local
                    domains: ["127.0.0.1"]
                    backend: direct
                """.formatted(format, output);
    }

    @Test
    void json_requestsOfEveryProtocol_oneLineEachInANewFileWithMode0640() throws Exception {
        Path file = DIR.resolve("json/access.log");
        int before = lines(file).size();

        client.send(HttpRequest.newBuilder(URI.create(origin.get().url("/hello?q=1")))
                .header("User-Agent", "it/1 \"quoted\"").header("Referer", "http://portal.test/")
                .build(), HttpResponse.BodyHandlers.ofString());
        try (Socket tunnel = Wire.connectTunnel(bifrost.httpProxy(), echo.get().port())) {
            echo(tunnel, "ping");
        }
        try (Socket socks = Wire.socks5(bifrost.socks5Proxy(), echo.get().port())) {
            echo(socks, "pong");
        }
        List<String> lines = awaitLines(file, before + 3);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        List<JsonNode> records = lines.subList(before, before + 3).stream().map(AccessLogIT::parse).toList();
        JsonNode http = find(records, "HTTP");
        assertThat(http.get("method").asText()).isEqualTo("GET");
        assertThat(http.get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(http.get("port").asInt()).isEqualTo(origin.get().port());
        assertThat(http.get("path").asText()).isEqualTo("/hello");
        assertThat(http.get("status_code").asInt()).isEqualTo(200);
        assertThat(http.get("route").asText()).isEqualTo("local");
        assertThat(http.get("backend").asText()).isEqualTo("direct");
        assertThat(http.get("user_agent").asText()).isEqualTo("it/1 \"quoted\"");
        assertThat(http.has("username")).isFalse();
        assertThat(http.has("referer")).isFalse(); // [SEC-071]: only the combined format carries it
        assertThat(http.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode connect = find(records, "CONNECT");
        assertThat(connect.get("status_code").asInt()).isEqualTo(200);
        assertThat(connect.get("bytes_received").asLong()).as("CONNECT head and ping").isGreaterThan(4);
        assertThat(connect.has("path")).isFalse();
        JsonNode socks = find(records, "SOCKS5");
        assertThat(socks.get("method").asText()).isEqualTo("CONNECT");
        assertThat(socks.get("status_code").asInt()).isZero();
        assertThat(socks.get("bytes_sent").asLong()).as("method selection, reply, echo").isEqualTo(2 + 10 + 4);
    }

    @Test
    void json_refusedRequest_isRecordedWithItsError() throws Exception {
        Path file = DIR.resolve("json/access.log");
        int before = lines(file).size();

        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create("http://blocked.example/a"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode record = parse(awaitLines(file, before + 1).get(before));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(record.get("status_code").asInt()).isEqualTo(403);
        assertThat(record.get("error").asText()).isEqualTo("no_route");
        assertThat(record.get("host").asText()).isEqualTo("blocked.example");
        assertThat(record.has("route")).isFalse();
    }

    @Test
    void reopen_afterTheFileWasRenamed_writesToAFreshFile() throws Exception {
        Path file = DIR.resolve("json/access.log");
        client.send(HttpRequest.newBuilder(URI.create(origin.get().url("/hello"))).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitLines(file, 1);
        Path rotated = DIR.resolve("json/access.log.1");
        Files.move(file, rotated);

        bifrost.server().accessLog().orElseThrow().reopen().await(5, TimeUnit.SECONDS);
        client.send(HttpRequest.newBuilder(URI.create(origin.get().url("/hello/after"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(awaitLines(file, 1)).singleElement().asString().contains("\"path\":\"/hello/after\"");
        assertThat(Files.readString(rotated)).doesNotContain("/hello/after");
    }

    @Test
    void combined_forwardedRequest_matchesTheApacheLayoutWithRefererAndUserAgent() throws Exception {
        Path file = DIR.resolve("combined/access.log");
        List<String> lines;
        bifrost.restart(config("combined", file));
        try {
            HttpClient restarted = HttpClient.newBuilder().proxy(ProxySelector.of(bifrost.httpProxy())).build();
            restarted.send(HttpRequest.newBuilder(URI.create(origin.get().url("/bytes/5?x=1")))
                    .header("User-Agent", "it/2").header("Referer", "http://portal.test/start?a=\"b\"").build(),
                    HttpResponse.BodyHandlers.ofString());
            lines = awaitLines(file, 1);
        } finally {
            bifrost.restart(config("json", DIR.resolve("json/access.log"))); // the other tests' server
        }

        assertThat(lines.get(0)).matches("127\\.0\\.0\\.1 - - \\[\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d "
                + "\\+0000] \"GET http://127\\.0\\.0\\.1:" + origin.get().port()
                + "/bytes/5\\?x=1 HTTP/1\\.1\" 200 \\d+ \"http://portal\\.test/start\\?a=\\\\\"b\\\\\"\" \"it/2\"");
    }

    @Test
    void start_outputCannotBeOpened_failsNamingTheKey() throws Exception {
        Path notADirectory = DIR.resolve("plain-file");
        Files.writeString(notADirectory, "x");

        Throwable failure = Servers.startFailure(config("json", notADirectory.resolve("access.log")));

        assertThat(failure).hasMessageStartingWith("access_log.output: cannot open \"" + notADirectory);
    }

    private static void echo(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        s.shutdownOutput();
        assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(text);
    }

    private static JsonNode find(List<JsonNode> records, String protocol) {
        return records.stream().filter(r -> r.get("protocol").asText().equals(protocol)).findFirst().orElseThrow();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** Lines are written by the log's own thread: wait for them. */
    private static List<String> awaitLines(Path file, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> lines = lines(file);
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            lines = lines(file);
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(count);
        return lines;
    }
}

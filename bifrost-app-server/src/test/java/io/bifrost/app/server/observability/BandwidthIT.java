package io.bifrost.app.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.BytePattern;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.vertx.core.http.HttpServerRequest;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Per-connection bandwidth limits through the real listeners ([SEC-052]): upload 1 MiB/s, download 512 KiB/s.
 * Each budget starts full with one second's worth of bytes, so n bytes at rate r take (n - r) / r seconds: 2 MiB
 * down take 3 s, 3 MiB up take 2 s. Timings are checked to ±20 %, contents exactly.
 */
class BandwidthIT {
    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> sink = FakeServerExtension.of(FakeTcpOrigin.sinkAndReport());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> """
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
              enabled: false
            rate_limit:
              enabled: true
              bandwidth:
                enabled: true
                upload: "1MiBps"
                download: "512KiBps"
            network:
              allow_loopback_destinations: true
            backends:
              - name: direct
                type: direct
            routes:
              - name: local
                domains: ["127.0.0.1"]
                backend: direct
            """);

    @Test
    void connect_downloadOfTwoMebibytes_takesThreeSecondsAndIsIntact() throws Exception {
        int size = 2 * MIB;
        try (Socket tunnel = Wire.connectTunnel(bifrost.httpProxy(), origin.get().port())) {
            tunnel.getOutputStream().write(("GET /bytes/" + size + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            Timed download = readTimed(tunnel.getInputStream());

            String all = new String(download.bytes(), StandardCharsets.ISO_8859_1);
            byte[] body = all.substring(all.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1);
            assertThat(sha256(body)).isEqualTo(BytePattern.sha256Hex(size));
            assertThat(download.seconds()).isBetween(2.4, 3.6);
        }
    }

    @Test
    void httpForward_downloadOfTwoMebibytes_takesThreeSecondsAndIsIntact() throws Exception {
        int size = 2 * MIB;
        HttpClient client = HttpClient.newBuilder().proxy(ProxySelector.of(bifrost.httpProxy())).build();

        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
                URI.create(origin.get().url("/bytes/" + size))).build(), HttpResponse.BodyHandlers.ofInputStream());
        Timed download = readTimed(response.body());

        assertThat(sha256(download.bytes())).isEqualTo(BytePattern.sha256Hex(size));
        assertThat(download.seconds()).isBetween(2.4, 3.6);
    }

    @Test
    void httpForward_uploadOfThreeMebibytes_arrivesInTwoSecondsAndIsIntact() throws Exception {
        int size = 3 * MIB;
        origin.get().handle("/timed-upload", BandwidthIT::timedUpload);
        HttpClient client = HttpClient.newBuilder().proxy(ProxySelector.of(bifrost.httpProxy())).build();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create(origin.get().url("/timed-upload"))).POST(HttpRequest.BodyPublishers.ofByteArray(
                BytePattern.bytes(size))).build(), HttpResponse.BodyHandlers.ofString());
        String[] bytesShaSeconds = response.body().split(" ");

        assertThat(bytesShaSeconds[0]).isEqualTo(Integer.toString(size));
        assertThat(bytesShaSeconds[1]).isEqualTo(BytePattern.sha256Hex(size));
        assertThat(Double.parseDouble(bytesShaSeconds[2])).isBetween(1.6, 2.4);
    }

    /** Answers {@code <bytes> <sha256> <seconds from the first body byte to the last>}, timed at the origin. */
    private static void timedUpload(HttpServerRequest request) {
        MessageDigest sha = BytePattern.sha256();
        long[] firstAndCount = new long[2];
        request.handler(chunk -> {
            if (firstAndCount[0] == 0) {
                firstAndCount[0] = System.nanoTime();
            }
            firstAndCount[1] += chunk.length();
            sha.update(chunk.getBytes());
        });
        request.endHandler(v -> request.response().end(firstAndCount[1] + " " + HexFormat.of().formatHex(sha.digest())
                + " " + (System.nanoTime() - firstAndCount[0]) / 1e9));
    }

    @Test
    void socks5_uploadOfThreeMebibytes_takesTwoSecondsAndArrivesWhole() throws Exception {
        int size = 3 * MIB;
        try (Socket socks = Wire.socks5(bifrost.socks5Proxy(), sink.get().port())) {
            long start = System.nanoTime();
            socks.getOutputStream().write(BytePattern.bytes(size));
            socks.shutdownOutput();
            String count = new String(socks.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(count).isEqualTo(size + "\n");
            assertThat(seconds).isBetween(1.6, 2.4);
        }
    }

    /** Reads to the end, timing from the first byte (set-up and request do not count). */
    private static Timed readTimed(InputStream in) throws Exception {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long start = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            if (start == 0) {
                start = System.nanoTime();
            }
            all.write(buf, 0, n);
        }
        return new Timed(all.toByteArray(), (System.nanoTime() - start) / 1e9);
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private record Timed(byte[] bytes, double seconds) {}
}

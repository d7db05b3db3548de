package io.bifrost.app.server.proxy.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.BytePattern;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real client: curl through the HTTP listener in absolute-form ({@code -x}), through a {@code CONNECT} tunnel
 * ({@code -p -x}) and through the SOCKS5 listener with names resolved by the proxy ({@code --socks5-hostname}).
 * Skipped when {@code /usr/bin/curl} is not installed.
 */
class CurlIT {
    private static final Path CURL = Path.of("/usr/bin/curl");
    private static final int DOWNLOAD_BYTES = 20 * 1024 * 1024;
    private static final int UPLOAD_BYTES = 8 * 1024 * 1024;

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(
            () -> EdgeConfigs.server(EdgeConfigs.directEverywhere()));

    @TempDir
    static Path dir;

    /** How curl reaches the origin. */
    enum Mode {
        /** {@code GET http://...} to the HTTP listener ([PRX-020]). */
        FORWARD,
        /** {@code CONNECT} on the HTTP listener, then HTTP inside the tunnel ([PRX-050]). */
        TUNNEL,
        /** SOCKS5 with ATYP 03, the name resolved by the proxy ([PRX-074]). */
        SOCKS5_HOSTNAME;

        List<String> proxyArgs() {
            String http = "http://127.0.0.1:" + bifrost.httpProxy().getPort();
            InetSocketAddress socks = bifrost.socks5Proxy();
            return switch (this) {
                case FORWARD -> List.of("-x", http);
                case TUNNEL -> List.of("-p", "-x", http);
                case SOCKS5_HOSTNAME -> List.of("--socks5-hostname", "127.0.0.1:" + socks.getPort());
            };
        }

        /** The origin URL; through SOCKS5 by name, so the proxy resolves it. */
        String url(String path) {
            String host = this == SOCKS5_HOSTNAME ? "localhost" : "127.0.0.1";
            return "http://" + host + ":" + origin.get().port() + path;
        }
    }

    @BeforeAll
    static void curlIsInstalled() {
        assumeTrue(Files.isExecutable(CURL), "curl is not installed at " + CURL);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void get_smallBody_arrivesIntact(Mode mode) throws Exception {
        Result result = curl(mode, List.of(mode.url("/hello")));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Files.readString(result.body())).isEqualTo("hello");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void get_20MiB_sameSha256AsTheOrigin(Mode mode) throws Exception {
        Result result = curl(mode, List.of(mode.url("/bytes/" + DOWNLOAD_BYTES)));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Files.size(result.body())).isEqualTo(DOWNLOAD_BYTES);
        assertThat(sha256(result.body())).isEqualTo(BytePattern.sha256Hex(DOWNLOAD_BYTES));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void post_8MiBFile_continueRelayedAndOriginHashesTheSameBytes(Mode mode) throws Exception {
        Path upload = dir.resolve("upload-" + mode + ".bin");
        Files.write(upload, BytePattern.bytes(UPLOAD_BYTES));

        Result result = curl(mode, List.of("-v", "--data-binary", "@" + upload,
                "-H", "Content-Type: application/octet-stream", mode.url("/sha256")));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        // curl sends Expect: 100-continue for a body this large; the 100 reaches it ([PRX-044]), so it never waits
        assertThat(result.stderr()).contains("< HTTP/1.1 100 Continue").doesNotContain("Done waiting for 100-continue");
        assertThat(Files.readString(result.body())).isEqualTo(
                "{\"bytes\":" + UPLOAD_BYTES + ",\"sha256\":\"" + BytePattern.sha256Hex(UPLOAD_BYTES) + "\"}");
    }

    @Test
    void get_twoUrlsOnOneCommandLine_reuseOneProxyConnection() throws Exception {
        Result result = curl(Mode.FORWARD, List.of("-v", Mode.FORWARD.url("/hello"), Mode.FORWARD.url("/hello")));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Files.readString(result.body())).isEqualTo("hellohello");
        assertThat(result.stderr()).contains("Re-using existing connection"); // [PRX-030]
    }

    // ---- running curl ----

    /** @param body where curl wrote the response bodies */
    private record Result(int exitCode, Path body, String stderr) {}

    private static Result curl(Mode mode, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CURL.toString(), "-q", "--silent", "--show-error", "--fail",
                "--noproxy", "", "--max-time", "30"));
        command.addAll(mode.proxyArgs());
        command.addAll(args);
        Path out = Files.createTempFile(dir, "curl-", ".out");
        Path err = Files.createTempFile(dir, "curl-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        for (String name : List.of("http_proxy", "https_proxy", "all_proxy", "no_proxy")) {
            builder.environment().remove(name); // only the proxy given on the command line
            builder.environment().remove(name.toUpperCase(java.util.Locale.ROOT));
        }
        Process process = builder.start();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("curl did not finish within 40 s: " + command);
        }
        return new Result(process.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = BytePattern.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

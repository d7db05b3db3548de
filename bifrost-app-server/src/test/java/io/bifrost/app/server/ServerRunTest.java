package io.bifrost.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.adapters.vertx.runtime.ProcessLifecycle;
import io.bifrost.adapters.vertx.runtime.logging.LogSetup;
import io.bifrost.app.server.cli.TestCli;
import io.bifrost.core.config.LoggingConfig;
import io.bifrost.testkit.ManualSignals;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bifrost-server -c FILE} in-process: start on port 0, stop through the path a signal takes. */
class ServerRunTest {
    private static final String LISTENERS = """
            server:
              http: {listen: "127.0.0.1:0"}
              socks5: {listen: "127.0.0.1:0"}
              graceful_period: "%s"
            backends:
              - {name: direct, type: direct}
            routes:
              - {domains: [%s], backend: direct}
            api: {listen: "127.0.0.1:0"}
            metrics: {listen: "127.0.0.1:0"}
            network: {allow_loopback_destinations: true}
            logging: {output: "server.log"}
            """;

    @TempDir
    Path dir;

    private final ManualSignals signals = new ManualSignals();

    @AfterEach
    void restoreLogging() {
        LogSetup.apply(LoggingConfig.defaults(), dir); // the run pointed the JVM's log at this test's directory
    }

    @Test
    void run_portZeroConfig_logsActualListenersAndExits0OnStop() throws Exception {
        Files.writeString(dir.resolve("c.yaml"), LISTENERS.formatted("5s", "\"example.com\""));
        CompletableFuture<TestCli.Result> run = runInBackground("-c", "c.yaml");
        ServerApplication app = signals.awaitApplication(ServerApplication.class);
        SocketAddress http = app.httpAddress().orElseThrow();
        SocketAddress socks5 = app.socks5Address().orElseThrow();
        assertThat(http.port()).isPositive();
        assertThat(get(http, "unrouted.example")).startsWith("HTTP/1.1 403").contains("X-Bifrost-Error: no_route");
        assertAccepts(socks5);

        signals.term();

        assertThat(run.get(20, TimeUnit.SECONDS).status()).isZero();
        assertRefuses(http);
        assertRefuses(socks5);
        String log = Files.readString(dir.resolve("server.log"));
        assertThat(log)
                .contains("HTTP proxy listening on 127.0.0.1:" + http.port())
                .contains("SOCKS5 proxy listening on 127.0.0.1:" + socks5.port())
                .contains("no enabled route matches every host (\"*\")")
                .contains("stopping: draining connections for up to 5s")
                .contains("stopped");
    }

    @Test
    void run_reloadRequest_reloadsTheFileAndKeepsServing() throws Exception {
        Files.writeString(dir.resolve("c.yaml"), LISTENERS.formatted("0s", "\"*\""));
        CompletableFuture<TestCli.Result> run = runInBackground("-c", "c.yaml");
        ProcessLifecycle lifecycle = signals.awaitStarted();
        Files.writeString(dir.resolve("c.yaml"), LISTENERS.formatted("0s", "\"*\"").replace("\"*\"", "\"*.test\""));

        signals.hup();

        assertThatThrownBy(() -> run.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(lifecycle.isTerminated()).isFalse();
        assertAccepts(((ServerApplication) lifecycle.application()).httpAddress().orElseThrow());
        signals.term();
        assertThat(run.get(20, TimeUnit.SECONDS).status()).isZero();
        String log = Files.readString(dir.resolve("server.log"));
        assertThat(log).contains("reload requested (SIGHUP)").contains("configuration reloaded from")
                .contains("hot-reloaded [routes]");
    }

    @Test
    void run_secondStopDuringDrain_closesOpenTunnelsWithoutWaitingForTheGracePeriod() throws Exception {
        Files.writeString(dir.resolve("c.yaml"), LISTENERS.formatted("60s", "\"*\""));
        try (EchoServer origin = new EchoServer()) {
            CompletableFuture<TestCli.Result> run = runInBackground("-c", "c.yaml");
            SocketAddress http = signals.awaitApplication(ServerApplication.class).httpAddress().orElseThrow();
            try (Socket tunnel = connectTunnel(http, origin.port())) {
                signals.term();

                // [PRX-110] step 4: tunnels continue during the drain
                assertThatThrownBy(() -> run.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
                assertThat(echo(tunnel, "still here")).isEqualTo("still here");

                signals.term(); // [PRX-111]

                assertThat(run.get(10, TimeUnit.SECONDS).status()).isZero();
                assertThat(tunnel.getInputStream().read()).isEqualTo(-1);
            }
        }
    }

    @Test
    void run_invalidConfig_printsEveryProblemAndExits1WithoutStarting() throws Exception {
        Files.writeString(dir.resolve("c.yaml"), """
                server:
                  http: {listen: "127.0.0.1:0", lissen: x}
                  socks5: {listen: ""}
                backends: []
                api: {enabled: false}
                """);

        TestCli.Result result = new TestCli(dir).signals(signals).run("-c", "c.yaml");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err().lines()).containsExactly(
                "warning: server.http.lissen: unknown key",
                "error: backends: at least one backend must be configured",
                "Configuration is invalid: 1 error(s)");
        assertThat(Files.exists(dir.resolve("server.log"))).isFalse();
    }

    @Test
    void run_missingConfigFile_exits1WithTheNotFoundMessage() {
        TestCli.Result result = new TestCli(dir).signals(signals).run("--config", "missing.yaml");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: config file not found: " + dir.resolve("missing.yaml")
                + " (create one with \"bifrost-server config init\")" + System.lineSeparator());
    }

    @Test
    void run_addressInUse_exits1AndLogsTheBindFailure() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Files.writeString(dir.resolve("c.yaml"), LISTENERS.formatted("0s", "\"*\"")
                    .replace("http: {listen: \"127.0.0.1:0\"}", "http: {listen: \"127.0.0.1:" + taken.getLocalPort()
                            + "\"}"));

            TestCli.Result result = new TestCli(dir).signals(signals).run("-c", "c.yaml");

            assertThat(result.status()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("server.log"))).contains("start-up failed: server.http.listen: "
                    + "cannot bind 127.0.0.1:" + taken.getLocalPort() + ": address in use");
        }
    }

    private CompletableFuture<TestCli.Result> runInBackground(String... args) {
        return CompletableFuture.supplyAsync(() -> new TestCli(dir).signals(signals).run(args));
    }

    private static void assertAccepts(SocketAddress address) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address.host(), address.port()), 2000);
            assertThat(s.isConnected()).isTrue();
        }
    }

    private static void assertRefuses(SocketAddress address) {
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address.host(), address.port()), 2000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    /** A proxied GET answered by the proxy itself: its response head. */
    private static String get(SocketAddress proxy, String host) throws IOException {
        try (Socket s = new Socket(proxy.host(), proxy.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET http://" + host + "/ HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return readHead(s.getInputStream());
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the end of the response head: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** An HTTP CONNECT tunnel through the proxy to {@code 127.0.0.1:port}, with the 200 read. */
    private static Socket connectTunnel(SocketAddress proxy, int port) throws IOException {
        Socket s = new Socket(proxy.host(), proxy.port());
        s.setSoTimeout(10_000);
        String target = "127.0.0.1:" + port;
        s.getOutputStream().write(("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(readHead(s.getInputStream())).startsWith("HTTP/1.1 200");
        return s;
    }

    private static String echo(Socket s, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(bytes);
        return new String(s.getInputStream().readNBytes(bytes.length), StandardCharsets.UTF_8);
    }

    /** A TCP echo origin on a free loopback port. */
    private static final class EchoServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

        EchoServer() throws IOException {
            Thread acceptor = new Thread(this::serve, "echo-origin");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> pump(s), "echo-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static void pump(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the proxy closed the tunnel
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}

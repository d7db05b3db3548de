package io.bifrost.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as operators run it: {@code java -jar target/bifrost-server.jar ...} in a child process. */
class BifrostServerJarIT {
    private static final Path JAR = Path.of("target", "bifrost-server.jar").toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    private Process server;

    @AfterEach
    void killLeftovers() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void version_printsTheSpecLineAndExits0() throws Exception {
        Finished run = runToEnd("version");

        assertThat(run.status()).isZero();
        assertThat(run.stdout()).singleElement().asString().matches(
                "bifrost-server 1\\.0\\.0-SNAPSHOT \\(commit [0-9a-z]+, built \\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z, "
                        + "java \\d+(\\.\\d+)*, [a-z]+/[a-z0-9]+\\)");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void validate_badFile_listsEveryErrorAndExits1() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), """
                server:
                  http: {listen: "127.0.0.1:0"}
                  socks5: {listen: ""}
                  graceful_period: 30
                backends:
                  - {name: direct, type: direct}
                routes:
                  - {domains: ["*"], backend: nowhere}
                api: {enabled: false}
                """);

        Finished run = runToEnd("validate", "-c", "bad.yaml");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stdout()).containsExactly(
                "error: server.graceful_period: duration needs a unit, e.g. \"30s\"",
                "error: routes[0].backend: unknown backend \"nowhere\"",
                "Configuration is invalid: 2 error(s)");
    }

    @Test
    void unknownFlag_exits2() throws Exception {
        Finished run = runToEnd("--no-such-flag");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.stderr()).first().asString().isEqualTo("Unknown option: '--no-such-flag'");
    }

    @Test
    void run_sighupKeepsServingAndSigtermStopsWithStatus0() throws Exception {
        Files.writeString(dir.resolve("server-config.yaml"), """
                server:
                  http: {listen: "127.0.0.1:0"}
                  socks5: {listen: "127.0.0.1:0"}
                backends:
                  - {name: direct, type: direct}
                routes:
                  - {domains: ["*"], backend: direct}
                api: {listen: "127.0.0.1:0"}
                metrics: {listen: "127.0.0.1:0"}
                """);
        server = start();
        List<String> output = new Lines(server.getInputStream()).sofar;
        awaitLine(output, line -> line.contains("SOCKS5 proxy listening on 127.0.0.1:"));

        signal(server, "HUP");
        awaitLine(output, line -> line.contains("configuration reloaded from"));
        assertThat(server.isAlive()).isTrue();

        signal(server, "TERM"); // not Process.destroy(): that also closes our end of the child's stdout

        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isZero();
        awaitLine(output, line -> line.endsWith(" - stopped"));
        assertThat(output).anyMatch(line -> line.contains("HTTP proxy listening on 127.0.0.1:"));
    }

    private Process start(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    private Finished runToEnd(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        Lines stdout = new Lines(p.getInputStream());
        Lines stderr = new Lines(p.getErrorStream());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("process finished").isTrue();
        return new Finished(p.exitValue(), stdout.complete(), stderr.complete());
    }

    private static void signal(Process process, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    /** A stream's lines, collected on a daemon thread as they arrive. */
    private static final class Lines {
        final List<String> sofar = new CopyOnWriteArrayList<>();
        private final Thread reader;

        Lines(java.io.InputStream stream) {
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        sofar.add(line);
                    }
                } catch (IOException closed) {
                    // the process ended
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Every line, once the stream has ended. */
        List<String> complete() throws InterruptedException {
            reader.join(10_000);
            return List.copyOf(sofar);
        }
    }

    private static void awaitLine(List<String> output, Predicate<String> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (output.stream().anyMatch(wanted)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such line within 30 s in:\n" + String.join("\n", output));
    }

    private record Finished(int status, List<String> stdout, List<String> stderr) {}
}

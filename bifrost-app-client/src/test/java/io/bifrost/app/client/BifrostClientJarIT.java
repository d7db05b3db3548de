package io.bifrost.app.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as users run it: {@code java -jar target/bifrost-client.jar ...} in a child process. */
class BifrostClientJarIT {
    private static final Path JAR = Path.of("target", "bifrost-client.jar").toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    private Finished run(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = JAVA.toString();
        command[1] = "-jar";
        command[2] = JAR.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Finished(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void version_printsTheSpecLine() throws Exception {
        Finished version = run("version");

        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("bifrost-client 1.0.0-SNAPSHOT (commit ");
    }

    @Test
    void configInitThenValidate_inTheJar() throws Exception {
        assertThat(run("config", "init", "-s", "proxy.example.com:7080", "-p", "socks5").status()).isZero();
        assertThat(Files.readString(dir.resolve("client-config.yaml"))).contains("protocol: \"socks5\"");

        Finished validate = run("validate");

        assertThat(validate.status()).isZero();
        assertThat(validate.out()).isEqualTo("Configuration is valid\n");
        assertThat(run("config", "init").status()).isEqualTo(2);
    }

    private record Finished(int status, String out, String err) {}
}

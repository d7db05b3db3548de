package io.bifrost.app.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.auth.BcryptPasswordVerifier;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage, version and hash-password: the commands that need no configuration. */
class CommandLineTest {
    /** [CFG-205]: {@code bifrost-server <version> (commit <c>, built <time>, java <v>, <os>/<arch>)}. */
    private static final String VERSION_LINE = "bifrost-server \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? "
            + "\\(commit (unknown|[0-9a-f]{7,40}), built \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z, "
            + "java " + Runtime.version().version().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining("\\."))
            + ", (linux|darwin|windows|freebsd)/(amd64|arm64|arm|386|riscv64|ppc64le|s390x)\\)";

    @TempDir
    Path dir;

    @Test
    void version_printsOneLineInTheSpecFormat() {
        TestCli.Result result = new TestCli(dir).run("version");

        assertThat(result.status()).isZero();
        assertThat(result.outLines()).singleElement().asString().matches(VERSION_LINE);
        assertThat(result.out()).startsWith("bifrost-server 1.0.0-SNAPSHOT (commit ");
    }

    @Test
    void versionFlag_printsTheSameLine() {
        assertThat(new TestCli(dir).run("--version").out()).isEqualTo(new TestCli(dir).run("version").out());
    }

    @Test
    void hashPassword_lineOnStdin_printsACost12HashThatVerifies() {
        TestCli.Result result = new TestCli(dir).stdin("correct horse\n").run("hash-password");

        assertThat(result.status()).isZero();
        String hash = result.out().strip();
        assertThat(hash).startsWith("$2a$12$").hasSize(60);
        assertThat(new BcryptPasswordVerifier().verify("correct horse", hash)).isTrue();
        assertThat(new BcryptPasswordVerifier().verify("correct horse\n", hash)).isFalse();
    }

    @Test
    void hashPassword_emptyInput_failsWithStatus1() {
        TestCli.Result result = new TestCli(dir).stdin("").run("hash-password");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: no password on standard input");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--bogus            | Unknown option: '--bogus'",
            "validate --bogus   | Unknown option: '--bogus'",
            "config init -x     | Unknown option: '-x'",
            "version extra      | Unmatched argument at index 1: 'extra'",
            "config             | Missing required subcommand",
            "frobnicate         | Unmatched argument at index 0: 'frobnicate'",
            "validate -c        | Missing required parameter for option '--config'"})
    void usageError_exits2AndNamesTheProblemOnStderr(String commandLine, String message) {
        TestCli.Result result = new TestCli(dir).run(commandLine.split(" "));

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains(message);
        assertThat(result.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "validate --help", "config init -h", "version --help", "hash-password -h",
            "config --help"})
    void help_printsUsageToStdoutAndExits0(String commandLine) {
        TestCli.Result result = new TestCli(dir).run(commandLine.split(" "));

        assertThat(result.status()).isZero();
        assertThat(result.out()).startsWith("Usage: bifrost-server");
    }
}

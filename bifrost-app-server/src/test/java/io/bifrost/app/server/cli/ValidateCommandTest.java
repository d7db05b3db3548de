package io.bifrost.app.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void validate_fileWithSeveralErrors_reportsEveryProblemWithItsPathAndExits1() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), """
                server:
                  http:
                    listen: "nonsense"
                    lissen: ":1"
                  socks5: {listen: "127.0.0.1:0"}
                  graceful_period: 30
                backends:
                  - name: direct
                    type: wireguard
                routes:
                  - domains: ["*"]
                    backend: nowhere
                logging:
                  level: loud
                api: {listen: "127.0.0.1:0"}
                """);

        TestCli.Result result = new TestCli(dir).run("validate", "-c", "bad.yaml");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.outLines()).containsExactly(
                "error: server.http.listen: invalid listen address \"nonsense\" (expected host:port, :port, or \"\" "
                        + "to disable)",
                "warning: server.http.lissen: unknown key",
                "error: server.graceful_period: duration needs a unit, e.g. \"30s\"",
                "error: backends[0].type: backend type \"wireguard\" is not supported by this version of Bifrost; "
                        + "run the tunnel outside Bifrost (for example a WireGuard-to-SOCKS5 sidecar) and point a "
                        + "socks5_proxy backend at it",
                "error: routes[0].backend: unknown backend \"nowhere\"",
                "error: logging.level: must be one of debug, info, warn, error, got \"loud\"",
                "Configuration is invalid: 5 error(s)");
    }

    @Test
    void validate_validFileWithWarnings_printsWarningsAndExits0() throws IOException {
        Files.writeString(dir.resolve("server-config.yaml"), """
                server:
                  http:
                    listen: "127.0.0.1:0"
                    lissen: ":1"
                  socks5: {listen: "${SOCKS}"}
                backends:
                  - {name: direct, type: direct}
                routes:
                  - {domains: ["*"], backend: direct}
                api: {listen: "127.0.0.1:0"}
                metrics: {listen: "127.0.0.1:0"}
                """);

        TestCli.Result result = new TestCli(dir).env(Map.of("SOCKS", "127.0.0.1:0")).run("validate");

        assertThat(result.status()).isZero();
        assertThat(result.outLines()).containsExactly(
                "warning: server.http.lissen: unknown key",
                "Configuration is valid");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void validate_openProxyOnAPublicAddress_warnsWhatStartUpWouldRefuseAndExits0() throws IOException {
        Files.writeString(dir.resolve("open.yaml"), """
                server:
                  http: {listen: "203.0.113.7:7080"}
                  socks5: {listen: "127.0.0.1:0"}
                backends:
                  - {name: direct, type: direct}
                routes:
                  - {domains: ["*"], backend: direct}
                api: {listen: "127.0.0.1:0"}
                metrics: {listen: "127.0.0.1:0"}
                """);

        TestCli.Result result = new TestCli(dir).run("validate", "-c", "open.yaml");

        // [SEC-090]: the same condition as start-up, always a warning (validate may run on another host)
        assertThat(result.status()).isZero();
        assertThat(result.outLines()).contains(
                "warning: server.http.listen: refusing to run an open proxy on public address 203.0.113.7; require "
                        + "authentication, restrict access_control.whitelist, bind to a private address, or set "
                        + "server.allow_open_proxy: true",
                "Configuration is valid");
    }

    @Test
    void validate_environmentReferenceNotSet_isAnErrorNamingKeyAndVariable() throws IOException {
        Files.writeString(dir.resolve("c.yaml"), """
                server:
                  http: {listen: "${HTTP_LISTEN}"}
                backends:
                  - {name: direct, type: direct}
                """);

        TestCli.Result result = new TestCli(dir).run("validate", "--config", "c.yaml");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.outLines()).contains(
                "error: server.http.listen: environment variable HTTP_LISTEN is not set",
                "Configuration is invalid: 1 error(s)");
    }

    @Test
    void validate_missingFile_printsTheNotFoundMessageAndExits1() {
        TestCli.Result result = new TestCli(dir).run("validate", "-c", "absent.yaml");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: config file not found: " + dir.resolve("absent.yaml")
                + " (create one with \"bifrost-server config init\")" + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void validate_noFileInWorkingDirectory_isAnErrorRatherThanTheBuiltInDefault() {
        TestCli.Result result = new TestCli(dir).run("validate");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("config file not found: " + dir.resolve("server-config.yaml"));
    }
}

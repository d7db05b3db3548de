package io.bifrost.adapters.vertx.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.core.config.LoggingConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command bodies both programs share ([CFG-003], [CFG-202]-[CFG-204]), on a fake program. */
class ProgramCommandsTest {
    private static final CliProgram PROGRAM = new CliProgram("bifrost-test", "test-config.yaml", "nothing", "init");
    private static final BuildInfo BUILD = new BuildInfo("1.0.0", "abc1234", Instant.EPOCH);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private ProgramCommands commands;

    @BeforeEach
    void commandsInTheTemporaryDirectory() {
        commands = new ProgramCommands(new CliContext(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), dir, EnvLookup.of(Map.of()), lifecycle -> { }), PROGRAM);
    }

    @Test
    void run_namedFileMissing_exits1WithTheNotFoundErrorAndLoadsNothing() {
        FakeLauncher launcher = new FakeLauncher(ConfigResult.of("config", List.of()), 0);

        int status = commands.run(Path.of("absent.yaml"), BUILD, launcher);

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: config file not found: " + dir.resolve("absent.yaml")
                + " (create one with \"bifrost-test config init\")" + System.lineSeparator());
        assertThat(launcher.choices).isEmpty();
        assertThat(launcher.runs).isEmpty();
    }

    @Test
    void run_invalidConfiguration_reportsOnStderrAndNeverRuns() {
        FakeLauncher launcher = new FakeLauncher(
                ConfigResult.failed(List.of(ConfigProblem.error("server.http", "bad listener"))), 0);

        int status = commands.run(null, BUILD, launcher);

        assertThat(status).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly("error: server.http: bad listener",
                "Configuration is invalid: 1 error(s)");
        assertThat(launcher.runs).isEmpty();
    }

    @Test
    void run_noOptionAndNoDefaultFile_runsOnTheBuiltInDefaultAndReturnsTheProgramsStatus() {
        FakeLauncher launcher = new FakeLauncher(ConfigResult.of("config", List.of()), 7);

        int status = commands.run(null, BUILD, launcher);

        assertThat(status).isEqualTo(7);
        assertThat(launcher.choices).containsExactly(new ConfigChoice(dir.resolve("test-config.yaml"), true));
        assertThat(launcher.runs).containsExactly("config");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void validate_defaultFileMissing_isAnErrorRatherThanTheBuiltInDefault() {
        int status = commands.validate(null, file -> ConfigResult.of("config", List.of()));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: config file not found: " + dir.resolve("test-config.yaml"));
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void validate_fileWithWarning_reportsOnStdoutAndExits0() throws IOException {
        Files.writeString(dir.resolve("c.yaml"), "x: 1\n");
        List<Path> loaded = new ArrayList<>();

        int status = commands.validate(Path.of("c.yaml"), file -> {
            loaded.add(file);
            return ConfigResult.of("config", List.of(ConfigProblem.warning("x", "unknown key")));
        });

        assertThat(status).isZero();
        assertThat(loaded).containsExactly(dir.resolve("c.yaml"));
        assertThat(out.toString().lines()).containsExactly("warning: x: unknown key", "Configuration is valid");
    }

    @Test
    void starterFile_existsWithoutForce_isEmptyWithAnError() throws IOException {
        Files.writeString(dir.resolve("c.yaml"), "kept\n");

        assertThat(commands.starterFile("c.yaml", false)).isEmpty();
        assertThat(commands.starterFile("c.yaml", true)).contains(dir.resolve("c.yaml"));
        assertThat(err.toString().lines()).containsExactly("error: c.yaml already exists; use -f to overwrite");
    }

    @Test
    void writeStarterFile_writesTheTextAndNamesTheFile() throws IOException {
        Path target = commands.starterFile("sub/../new.yaml", false).orElseThrow();

        int status = commands.writeStarterFile(target, "a: 1\n");

        assertThat(status).isZero();
        assertThat(Files.readString(dir.resolve("new.yaml"))).isEqualTo("a: 1\n");
        assertThat(out.toString().lines()).containsExactly("Wrote " + dir.resolve("new.yaml"));
    }

    /** Records what the shared run hands it; logs to the default console setup. */
    private static final class FakeLauncher implements ProgramLauncher<String> {
        private final ConfigResult<String> result;
        private final int status;
        final List<ConfigChoice> choices = new ArrayList<>();
        final List<String> runs = new ArrayList<>();

        FakeLauncher(ConfigResult<String> result, int status) {
            this.result = result;
            this.status = status;
        }

        @Override
        public ConfigResult<String> load(ConfigChoice choice) {
            choices.add(choice);
            return result;
        }

        @Override
        public LoggingConfig logging(String config) {
            return LoggingConfig.defaults();
        }

        @Override
        public int run(String config) {
            runs.add(config);
            return status;
        }
    }
}

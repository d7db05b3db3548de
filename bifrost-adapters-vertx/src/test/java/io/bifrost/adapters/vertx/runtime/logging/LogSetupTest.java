package io.bifrost.adapters.vertx.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bifrost.core.config.LoggingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogSetupTest {
    private static final Logger LOG = LoggerFactory.getLogger("io.bifrost.test");

    @TempDir
    Path dir;

    @AfterEach
    void restoreDefault() {
        LogSetup.apply(LoggingConfig.defaults(), dir);
    }

    @Test
    void apply_jsonToFile_writesOneObjectPerLineWithTheConfiguredUtcTimeFormat() throws IOException {
        LogSetup.apply(new LoggingConfig(LoggingConfig.Level.INFO, LoggingConfig.Format.JSON, "app.log",
                "yyyy/MM/dd HH:mm:ss xx", 0, 0), dir);

        LOG.info("hello \"{}\"\nsecond line", "world");
        LOG.warn("with error", new IllegalStateException("boom"));

        List<String> lines = Files.readAllLines(dir.resolve("app.log"));
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("time").asText()).matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(first.get("level").asText()).isEqualTo("INFO");
        assertThat(first.get("logger").asText()).isEqualTo("io.bifrost.test");
        assertThat(first.get("message").asText()).isEqualTo("hello \"world\"\nsecond line");
        assertThat(first.has("error")).isFalse();
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("error").asText()).startsWith("java.lang.IllegalStateException: boom");
    }

    @Test
    void apply_levelWarn_dropsInfoAndKeepsWarn() throws IOException {
        LogSetup.apply(new LoggingConfig(LoggingConfig.Level.WARN, LoggingConfig.Format.TEXT, "app.log",
                LoggingConfig.DEFAULT_TIME_FORMAT, 0, 0), dir);

        LOG.info("not written");
        LOG.warn("written");

        assertThat(Files.readAllLines(dir.resolve("app.log"))).singleElement().asString()
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z "
                        + "WARN  \\[.+] io\\.bifrost\\.test - written");
    }

    @Test
    void apply_levelDebug_keepsNettyAndVertxAtWarn() throws IOException {
        LogSetup.apply(new LoggingConfig(LoggingConfig.Level.DEBUG, LoggingConfig.Format.TEXT, "app.log",
                LoggingConfig.DEFAULT_TIME_FORMAT, 0, 0), dir);

        LOG.debug("ours");
        LoggerFactory.getLogger("io.netty.channel.Foo").info("theirs");
        LoggerFactory.getLogger("io.vertx.core.Bar").warn("their warning");

        assertThat(Files.readString(dir.resolve("app.log")))
                .contains("ours").doesNotContain("theirs").contains("their warning");
    }

    @Test
    void apply_maxSize_rotatesAndKeepsMaxBackups() throws IOException {
        LogSetup.apply(new LoggingConfig(LoggingConfig.Level.INFO, LoggingConfig.Format.TEXT, "logs/app.log",
                LoggingConfig.DEFAULT_TIME_FORMAT, 1, 2), dir);
        String kilobyte = "x".repeat(1024);

        for (int i = 0; i < 5 * 1024; i++) { // about 5 MiB in 1 MiB files
            LOG.info(kilobyte);
        }

        Path active = dir.resolve("logs/app.log");
        List<Path> backups = TimestampedBackups.backupsOldestFirst(active);
        assertThat(backups).hasSize(2);
        for (Path backup : backups) {
            assertThat(Files.size(backup)).isBetween(1024L * 1024, 1024L * 1024 + 4096);
        }
        assertThat(Files.size(active)).isLessThanOrEqualTo(1024L * 1024 + 4096);
    }

    @Test
    void apply_maxBackupsZero_keepsEveryRotatedFile() {
        LogSetup.apply(new LoggingConfig(LoggingConfig.Level.INFO, LoggingConfig.Format.TEXT, "app.log",
                LoggingConfig.DEFAULT_TIME_FORMAT, 1, 0), dir);
        String kilobyte = "x".repeat(1024);

        for (int i = 0; i < 4 * 1024 + 100; i++) {
            LOG.info(kilobyte);
        }

        assertThat(TimestampedBackups.backupsOldestFirst(dir.resolve("app.log"))).hasSize(4);
    }

    @Test
    void apply_unwritableFile_failsNamingTheKey() throws IOException {
        Files.writeString(dir.resolve("plain-file"), "");

        assertThatIllegalStateException()
                .isThrownBy(() -> LogSetup.apply(new LoggingConfig(LoggingConfig.Level.INFO,
                        LoggingConfig.Format.TEXT, "plain-file/app.log", LoggingConfig.DEFAULT_TIME_FORMAT, 0, 0),
                        dir))
                .withMessage("logging.output: cannot write the log to \"plain-file/app.log\"");
    }
}

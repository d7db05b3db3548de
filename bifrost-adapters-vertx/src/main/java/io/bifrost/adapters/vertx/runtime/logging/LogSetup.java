package io.bifrost.adapters.vertx.runtime.logging;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import io.bifrost.core.config.LoggingConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@code logging} section ([CFG-120]) to Logback, replacing the class-path default
 * ({@code logback.xml}: text on stdout). Netty and Vert.x stay at {@code warn} unless the level asks for less,
 * because their debug output drowns Bifrost's own. Call from the main thread before the server starts; not
 * thread-safe against concurrent calls.
 */
public final class LogSetup {
    /** Loggers that are too chatty below warn. */
    private static final List<String> THIRD_PARTY = List.of("io.netty", "io.vertx");
    private static final String APPENDER = "bifrost";

    private LogSetup() {}

    /**
     * Routes every log event to the configured output in the configured format and level.
     *
     * @param workingDir resolves a relative {@code logging.output} file path
     * @throws IllegalStateException naming {@code logging.output} when the log file cannot be opened
     */
    public static void apply(LoggingConfig config, Path workingDir) {
        requireNonNull(config, "config");
        requireNonNull(workingDir, "workingDir");
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return; // another SLF4J binding on the class path (an embedding program's): its configuration rules
        }
        LineEncoder encoder = config.format() == LoggingConfig.Format.JSON ? new JsonLineEncoder()
                : new TextLineEncoder();
        encoder.setContext(context);
        encoder.setTimeFormat(config.timeFormat());
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = appender(context, config, workingDir);
        appender.setName(APPENDER);
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalStateException("logging.output: cannot write the log to \"" + config.output() + "\"");
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        Level level = level(config.level());
        root.setLevel(level);
        Level thirdParty = level.isGreaterOrEqual(Level.WARN) ? level : Level.WARN;
        THIRD_PARTY.forEach(name -> context.getLogger(name).setLevel(thirdParty));
    }

    private static OutputStreamAppender<ILoggingEvent> appender(
            LoggerContext context, LoggingConfig config, Path workingDir) {
        String output = config.output();
        if (output.equals("stdout") || output.equals("stderr")) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget(output.equals("stdout") ? "System.out" : "System.err");
            return console;
        }
        String file = workingDir.resolve(output).toString();
        if (config.maxSizeMb() == 0) {
            FileAppender<ILoggingEvent> plain = new FileAppender<>();
            plain.setFile(file);
            plain.setAppend(true);
            return plain;
        }
        return rolling(context, config, file);
    }

    private static OutputStreamAppender<ILoggingEvent> rolling(LoggerContext context, LoggingConfig config,
            String file) {
        RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
        rolling.setContext(context);
        rolling.setFile(file);
        rolling.setAppend(true);
        TimestampedBackups backups = new TimestampedBackups(config.maxBackups(), Clock.systemUTC());
        backups.setContext(context);
        backups.setParent(rolling);
        backups.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(new FileSize(config.maxSizeMb() * FileSize.MB_COEFFICIENT));
        // logback looks at the size at most once a minute by default, so a burst could grow the file far beyond
        // max_size_mb; one stat per event is cheap at application-log volumes
        trigger.setCheckIncrement(Duration.buildByMilliseconds(0));
        trigger.start();
        rolling.setRollingPolicy(backups);
        rolling.setTriggeringPolicy(trigger);
        return rolling;
    }

    private static Level level(LoggingConfig.Level level) {
        return switch (level) {
            case DEBUG -> Level.DEBUG;
            case INFO -> Level.INFO;
            case WARN -> Level.WARN;
            case ERROR -> Level.ERROR;
        };
    }
}

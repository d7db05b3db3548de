package io.bifrost.adapters.vertx.runtime.logging;

import ch.qos.logback.core.rolling.RollingPolicyBase;
import ch.qos.logback.core.rolling.RolloverFailure;
import ch.qos.logback.core.rolling.helper.CompressionMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rotation for {@code logging.max_size_mb} / {@code logging.max_backups} ([CFG-120]): the full file is renamed to
 * {@code <file>.<yyyyMMdd-HHmmss.SSS>} (UTC, so names sort by age) and the oldest backups beyond {@code max_backups}
 * are deleted; {@code 0} keeps all. Logback's {@code FixedWindowRollingPolicy} caps its window at 20 files and
 * renumbers every backup on each rotation, which cannot express "keep all". Called by the appender under its lock.
 */
public final class TimestampedBackups extends RollingPolicyBase {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss.SSS").withZone(ZoneOffset.UTC);
    private static final Pattern BACKUP_SUFFIX = Pattern.compile("\\.\\d{8}-\\d{6}\\.\\d{3}(-\\d+)?");

    private final int maxBackups;
    private final Clock clock;

    /** @param maxBackups rotated files kept; 0 keeps all */
    public TimestampedBackups(int maxBackups, Clock clock) {
        if (maxBackups < 0) {
            throw new IllegalArgumentException("maxBackups: " + maxBackups + " (expected: >= 0)");
        }
        this.maxBackups = maxBackups;
        this.clock = clock;
    }

    @Override
    public String getActiveFileName() {
        return getParentsRawFileProperty();
    }

    @Override
    public CompressionMode getCompressionMode() {
        return CompressionMode.NONE;
    }

    @Override
    public void rollover() throws RolloverFailure {
        Path active = Path.of(getActiveFileName());
        try {
            Files.move(active, freeBackupName(active));
        } catch (NoSuchFileException e) {
            return; // deleted from outside: the appender reopens a fresh file
        } catch (IOException e) {
            throw new RolloverFailure("cannot rename " + active + ": " + e.getMessage());
        }
        if (maxBackups > 0) {
            prune(active);
        }
    }

    private Path freeBackupName(Path active) {
        Path backup = active.resolveSibling(active.getFileName() + "." + STAMP.format(clock.instant()));
        for (int n = 1; Files.exists(backup); n++) {
            backup = active.resolveSibling(active.getFileName() + "." + STAMP.format(clock.instant()) + "-" + n);
        }
        return backup;
    }

    private void prune(Path active) {
        List<Path> backups = backupsOldestFirst(active);
        for (Path old : backups.subList(0, Math.max(0, backups.size() - maxBackups))) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                addWarn("cannot delete old log file " + old + ": " + e.getMessage());
            }
        }
    }

    /** The rotated files of {@code active}, oldest first (the stamp sorts by time). */
    static List<Path> backupsOldestFirst(Path active) {
        Path dir = active.toAbsolutePath().getParent();
        String prefix = active.getFileName().toString();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && BACKUP_SUFFIX.matcher(name.substring(prefix.length())).matches();
            }).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}

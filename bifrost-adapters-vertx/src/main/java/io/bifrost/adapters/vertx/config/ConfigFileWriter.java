package io.bifrost.adapters.vertx.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Writes configuration files atomically ([CFG-095]) and makes timestamped backups ([CFG-096]): the new content goes
 * to a temporary file in the target's directory, is forced to disk, gets the permissions of the file it replaces
 * (0600 for a new file, which may hold secrets) and is renamed over the target, so a crash or an error at any point
 * leaves either the old file or the new one; on failure the temporary file is removed. <b>Blocking</b>: run it on a
 * worker thread. Thread-safe (no state besides its collaborators).
 */
public final class ConfigFileWriter {
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-------");
    private static final DateTimeFormatter BACKUP_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final FileSystemOps ops;
    private final Clock clock;

    public ConfigFileWriter(FileSystemOps ops, Clock clock) {
        this.ops = requireNonNull(ops, "ops");
        this.clock = requireNonNull(clock, "clock");
    }

    /** The real file system and clock. */
    public static ConfigFileWriter create() {
        return new ConfigFileWriter(FileSystemOps.system(), Clock.systemUTC());
    }

    /**
     * Replaces {@code target} with {@code content} (UTF-8) atomically.
     *
     * @throws UncheckedIOException when any step fails; {@code target} is then unchanged and no temporary file is
     *     left
     */
    public void write(Path target, String content) {
        Path file = requireNonNull(target, "target").toAbsolutePath();
        byte[] bytes = requireNonNull(content, "content").getBytes(StandardCharsets.UTF_8);
        Path dir = file.getParent();
        Set<PosixFilePermission> permissions = permissionsFor(file);
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file in " + dir + ": " + e.getMessage(), e);
        }
        try {
            setPermissions(temp, permissions);
            ops.writeSynced(temp, bytes);
            ops.moveAtomically(temp, file);
        } catch (RuntimeException e) {
            deleteQuietly(temp, e);
            throw e;
        }
        syncDirectory(dir);
    }

    /**
     * Copies {@code target} to {@code <target>.backup.<yyyyMMdd-HHmmss>} (UTC; {@code -1}, {@code -2}, ... appended
     * when that name exists) with the same permissions ([CFG-096]).
     *
     * @return the backup's path
     * @throws UncheckedIOException when the copy cannot be made (the caller abandons its save)
     */
    public Path backup(Path target) {
        Path file = requireNonNull(target, "target").toAbsolutePath();
        String base = file.getFileName() + ".backup." + BACKUP_TIME.format(clock.instant());
        for (int n = 0; ; n++) {
            Path candidate = file.resolveSibling(n == 0 ? base : base + "-" + n);
            try {
                return Files.copy(file, candidate, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            } catch (IOException e) {
                throw new UncheckedIOException("cannot back up " + file + " to " + candidate + ": " + e.getMessage(),
                        e);
            }
        }
    }

    /** The permissions of the file being replaced, or 0600; {@code null} where the file system has none. */
    private static Set<PosixFilePermission> permissionsFor(Path file) {
        if (Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) == null) {
            return null;
        }
        try {
            return Files.exists(file) ? Files.getPosixFilePermissions(file) : NEW_FILE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + file + ": " + e.getMessage(), e);
        }
    }

    private static void setPermissions(Path temp, Set<PosixFilePermission> permissions) {
        if (permissions == null) {
            return;
        }
        try {
            Files.setPosixFilePermissions(temp, permissions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the permissions of " + temp + ": " + e.getMessage(), e);
        }
    }

    /** Makes the rename itself durable; best effort (not every platform can open a directory). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // the rename has happened; durability of the directory entry is up to the file system
        }
    }

    private static void deleteQuietly(Path temp, RuntimeException cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}

package io.bifrost.adapters.vertx.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Atomic replacement of a file ([CFG-095]): the complete content goes to a temporary file in the target's directory,
 * is flushed to disk, gets the permissions of the file it replaces (0600 for a new file) and is renamed over the
 * target, so a crash leaves the old file or the new one, never a mixture. Blocking; stateless.
 */
public final class AtomicFiles {
    static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {}

    /** Writes {@code content} to {@code target}, replacing it if it exists; on failure the temporary file is gone. */
    public static void write(Path target, byte[] content) throws IOException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temp = posix
                ? Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp",
                        PosixFilePermissions.asFileAttribute(NEW_FILE))
                : Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            if (posix) {
                Set<PosixFilePermission> mode = Files.exists(file) ? Files.getPosixFilePermissions(file) : NEW_FILE;
                Files.setPosixFilePermissions(temp, mode);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(dir);
    }

    /** Makes the rename itself durable; best effort, since not every platform can open a directory for sync. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the file content is already on disk; only the directory entry's durability is left to the OS
        }
    }
}

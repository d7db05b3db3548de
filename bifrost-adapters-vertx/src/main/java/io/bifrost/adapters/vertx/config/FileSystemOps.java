package io.bifrost.adapters.vertx.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The two steps of an atomic file write that can fail half-way ([CFG-095]): writing the new content to disk and
 * renaming it over the target. A port so that tests can make either fail and check what is left behind.
 * Implementations block; failures are {@link UncheckedIOException}s.
 */
public interface FileSystemOps {

    /** Writes {@code content} to the existing, empty {@code file} and forces it to the storage device. */
    void writeSynced(Path file, byte[] content);

    /** Renames {@code source} to {@code target} in one step, replacing {@code target} if it exists. */
    void moveAtomically(Path source, Path target);

    /** The real file system. */
    static FileSystemOps system() {
        return new FileSystemOps() {
            @Override
            public void writeSynced(Path file, byte[] content) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
                }
            }

            @Override
            public void moveAtomically(Path source, Path target) {
                try {
                    java.nio.file.Files.move(source, target, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot rename " + source + " to " + target + ": "
                            + e.getMessage(), e);
                }
            }
        };
    }
}

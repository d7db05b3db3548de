package io.bifrost.adapters.vertx.accesslog;

import static java.util.Objects.requireNonNull;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where access-log bytes go ([CFG-116]): standard output, standard error or a file. Used by the one writer thread
 * only; not thread-safe.
 */
interface AccessLogOutput {

    /** {@code stdout}, {@code stderr} or a file path; nothing is opened until {@link #open()}. */
    static AccessLogOutput of(String output) {
        requireNonNull(output, "output");
        return switch (output) {
            case "stdout" -> new StandardStream(FileDescriptor.out);
            case "stderr" -> new StandardStream(FileDescriptor.err);
            default -> new AppendFile(Path.of(output));
        };
    }

    /** Blocking. */
    void open() throws IOException;

    /** Writes every remaining byte; blocking. */
    void write(ByteBuffer bytes) throws IOException;

    /** Closes and opens again, so a file renamed by log rotation is replaced by a fresh one ([SEC-070]). */
    void reopen() throws IOException;

    /** Releases the file; standard streams stay open for the rest of the process. */
    void close() throws IOException;

    /**
     * Standard output or error, written through the file descriptor: not through {@code System.out}, whose
     * {@code PrintStream} would add a lock and a buffer of its own, and never closed.
     */
    final class StandardStream implements AccessLogOutput {
        private final FileOutputStream out;

        StandardStream(FileDescriptor fd) {
            this.out = new FileOutputStream(fd);
        }

        @Override
        public void open() {}

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            bytes.position(bytes.limit());
        }

        @Override
        public void reopen() {}

        @Override
        public void close() {}
    }

    /**
     * A file opened for appending ({@code O_APPEND}, so copy-truncate rotation works too), its parent directories
     * created, and created with mode 0640 ([CFG-116]); an existing file keeps the mode its owner gave it.
     */
    final class AppendFile implements AccessLogOutput {
        private static final Set<PosixFilePermission> MODE_0640 = PosixFilePermissions.fromString("rw-r-----");

        private final Path path;
        private FileChannel channel;

        AppendFile(Path path) {
            this.path = requireNonNull(path, "path");
        }

        @Override
        public void open() throws IOException {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            boolean created = Files.notExists(path);
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(MODE_0640)}
                    : new FileAttribute<?>[0];
            channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND), attributes);
            if (created && posix) {
                Files.setPosixFilePermissions(path, MODE_0640); // the process umask may have narrowed it
            }
        }

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        @Override
        public void reopen() throws IOException {
            close();
            open();
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                FileChannel c = channel;
                channel = null;
                c.close();
            }
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }
}

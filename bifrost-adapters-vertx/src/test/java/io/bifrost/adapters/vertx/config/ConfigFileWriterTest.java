package io.bifrost.adapters.vertx.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes ([CFG-095]) and backups ([CFG-096]) on a real temporary directory. */
class ConfigFileWriterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T09:26:53Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void write_newFile_hasTheContentAndMode0600() throws IOException {
        Path file = dir.resolve("server-config.yaml");

        new ConfigFileWriter(FileSystemOps.system(), CLOCK).write(file, "api:\n  token: s3cret\n");

        assertThat(Files.readString(file)).isEqualTo("api:\n  token: s3cret\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(files()).containsExactly("server-config.yaml");
    }

    @Test
    void write_existingFile_isReplacedAndKeepsItsPermissions() throws IOException {
        Path file = dir.resolve("server-config.yaml");
        Files.writeString(file, "old: true\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        new ConfigFileWriter(FileSystemOps.system(), CLOCK).write(file, "new: true\n");

        assertThat(Files.readString(file)).isEqualTo("new: true\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(files()).containsExactly("server-config.yaml");
    }

    @Test
    void write_failureBetweenWriteAndRename_leavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("server-config.yaml");
        Files.writeString(file, "old: true\n");
        Path[] written = new Path[1];
        FileSystemOps failingRename = new FileSystemOps() {
            @Override
            public void writeSynced(Path temp, byte[] content) {
                FileSystemOps.system().writeSynced(temp, content);
                written[0] = temp;
            }

            @Override
            public void moveAtomically(Path source, Path target) {
                throw new UncheckedIOException(new IOException("injected: disk unplugged before the rename"));
            }
        };

        assertThatThrownBy(() -> new ConfigFileWriter(failingRename, CLOCK).write(file, "new: true\n"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("injected");

        assertThat(written[0]).as("the new content had been written to a temporary file").isNotNull();
        assertThat(written[0].getParent()).as("in the target's directory").isEqualTo(dir);
        assertThat(written[0]).doesNotExist();
        assertThat(Files.readString(file)).isEqualTo("old: true\n");
        assertThat(files()).containsExactly("server-config.yaml");
    }

    @Test
    void write_failureWhileWriting_leavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("server-config.yaml");
        Files.writeString(file, "old: true\n");
        FileSystemOps halfWrite = new FileSystemOps() {
            @Override
            public void writeSynced(Path temp, byte[] content) {
                FileSystemOps.system().writeSynced(temp, "new: tr".getBytes(StandardCharsets.UTF_8));
                throw new UncheckedIOException(new IOException("injected: no space left on device"));
            }

            @Override
            public void moveAtomically(Path source, Path target) {
                FileSystemOps.system().moveAtomically(source, target);
            }
        };

        assertThatThrownBy(() -> new ConfigFileWriter(halfWrite, CLOCK).write(file, "new: true\n"))
                .hasMessageContaining("no space left");

        assertThat(Files.readString(file)).isEqualTo("old: true\n");
        assertThat(files()).containsExactly("server-config.yaml");
    }

    @Test
    void backup_isNamedWithTheUtcTime_andNumberedOnClashes_withTheSamePermissions() throws IOException {
        Path file = dir.resolve("server-config.yaml");
        Files.writeString(file, "v: 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        ConfigFileWriter writer = new ConfigFileWriter(FileSystemOps.system(), CLOCK);

        Path first = writer.backup(file);
        Path second = writer.backup(file);
        Path third = writer.backup(file);

        assertThat(first.getFileName()).hasToString("server-config.yaml.backup.20250314-092653");
        assertThat(second.getFileName()).hasToString("server-config.yaml.backup.20250314-092653-1");
        assertThat(third.getFileName()).hasToString("server-config.yaml.backup.20250314-092653-2");
        assertThat(Files.readString(first)).isEqualTo("v: 1\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(second))).isEqualTo("rw-r-----");
    }

    @Test
    void backup_unreadableFile_fails() {
        Path missing = dir.resolve("absent.yaml");

        assertThatThrownBy(() -> new ConfigFileWriter(FileSystemOps.system(), CLOCK).backup(missing))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot back up");
    }
}

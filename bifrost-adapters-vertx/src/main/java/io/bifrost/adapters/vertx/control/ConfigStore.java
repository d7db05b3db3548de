package io.bifrost.adapters.vertx.control;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.ConfigFileWriter;
import io.bifrost.adapters.vertx.config.YamlConfigWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the server's configuration file: YAML, atomically, after an optional backup ([CFG-095], [CFG-096]); warns
 * when the file changed on disk since this process last loaded or wrote it ([CFG-098]). Blocking.
 */
final class ConfigStore {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigStore.class);

    private final ConfigFileWriter writer;
    private final Path defaultFile;

    /**
     * A completed save.
     *
     * @param backupPath where the backup went, or {@code null}
     */
    record Saved(Path file, String backupPath, Instant modified) {}

    ConfigStore(ConfigFileWriter writer, Path defaultFile) {
        this.writer = requireNonNull(writer, "writer");
        this.defaultFile = requireNonNull(defaultFile, "defaultFile").toAbsolutePath();
    }

    /** The file a state saves to and reloads from: its own, or the default file of [CFG-003]. */
    Path target(ControlState state) {
        return state.file() != null ? state.file() : defaultFile;
    }

    /**
     * @throws ControlException {@code SAVE_FAILED} when the backup or the write fails; the file is then unchanged
     */
    Saved save(ControlState state, Map<String, Object> tree, boolean backup) {
        Path target = target(state);
        warnIfChangedOnDisk(state, target);
        try {
            String backupPath = backup && Files.exists(target) ? writer.backup(target).toString() : null;
            writer.write(target, YamlConfigWriter.write(tree));
            return new Saved(target, backupPath, Files.getLastModifiedTime(target).toInstant());
        } catch (UncheckedIOException e) {
            throw saveFailed(target, e.getMessage());
        } catch (IOException e) {
            throw saveFailed(target, e.toString());
        }
    }

    private static ControlException saveFailed(Path target, String why) {
        return new ControlException(ControlException.Code.SAVE_FAILED,
                "cannot save the configuration to " + target + ": " + why);
    }

    /** [CFG-098]: edits by other programs are not merged; saying so is all a save does about them. */
    private static void warnIfChangedOnDisk(ControlState state, Path target) {
        try {
            if (!Files.exists(target)) {
                return;
            }
            Instant now = Files.getLastModifiedTime(target).toInstant();
            if (state.file() == null) {
                LOG.warn("{} exists but was not loaded by this server; saving replaces it", target);
            } else if (state.fileModified() != null && !now.equals(state.fileModified())) {
                LOG.warn("{} was modified by another program since it was loaded; saving replaces those edits",
                        target);
            }
        } catch (IOException e) {
            LOG.warn("cannot read the modification time of {}: {}", target, e.getMessage());
        }
    }
}

package io.bifrost.adapters.vertx.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.ClientConfigFile;
import io.bifrost.adapters.vertx.control.ClientControl.Applied;
import io.bifrost.adapters.vertx.control.ClientControl.Checked;
import io.bifrost.adapters.vertx.control.ClientControl.Saved;
import io.bifrost.adapters.vertx.control.ControlException;
import io.bifrost.core.client.ClientConfigChanges;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ClientConfigReader;
import io.bifrost.core.config.ClientConfigTree;
import io.bifrost.core.config.ConfigEdits;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Changes of the client's configuration file through the API ([CAPI-051], [CAPI-059], [CAPI-072]-[CAPI-074]): an
 * edit of the file's tree as written, then the loading procedure ([CFG-030]), then, when the configuration changes,
 * an optional backup ([CFG-096]), the atomic write ([CFG-095]) and the hot fields applied ([CFG-085]). Runs in the
 * runtime's {@link Serial}, the file work on a worker thread. Thread-safe.
 */
final class FileEdits {
    /** A change of the file's tree; may refuse with a {@link ControlException}. Runs on a worker thread. */
    @FunctionalInterface
    interface Edit {
        /**
         * @param tree a mutable copy of the file as written
         * @param current the configuration that tree reads as
         * @return the new tree
         */
        Object apply(Object tree, ClientConfig current);
    }

    /** How a change is written. */
    enum Mode {
        /** Written when the configuration changes. */
        SAVE,
        /** Backed up first, then written, when the configuration changes. */
        SAVE_WITH_BACKUP,
        /** Backed up and written whatever the change (an import). */
        REPLACE
    }

    /** A change as applied, with the configuration it produced. */
    record Outcome(Saved saved, ClientConfig config) {}

    private final Vertx vertx;
    private final Serial serial;
    private final ClientConfigFile file;
    private final Supplier<ClientConfig> current;
    private final Supplier<ClientConfig> running;
    private final Function<ConfigResult<ClientConfig>, Applied> apply;

    /**
     * @param file the configuration file, or {@code null}: then every save fails with {@code SAVE_FAILED}
     * @param apply swaps a valid configuration in; called on the worker thread inside {@code serial}
     */
    FileEdits(Vertx vertx, Serial serial, ClientConfigFile file, Supplier<ClientConfig> current,
            Supplier<ClientConfig> running, Function<ConfigResult<ClientConfig>, Applied> apply) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.serial = requireNonNull(serial, "serial");
        this.file = file;
        this.current = requireNonNull(current, "current");
        this.running = requireNonNull(running, "running");
        this.apply = requireNonNull(apply, "apply");
    }

    Future<Outcome> edit(Edit edit, Mode mode) {
        return serial.run(() -> vertx.executeBlocking(() -> editNow(edit, mode), false));
    }

    private Outcome editNow(Edit edit, Mode mode) {
        ClientConfig before = current.get();
        Object next = edit.apply(tree(), before);
        ConfigResult<ClientConfig> read = read(next);
        if (!read.isValid()) {
            throw new ControlException(ControlException.Code.VALIDATION_FAILED, "configuration is invalid",
                    read.problems(), Map.of());
        }
        boolean changed = !ClientConfigTree.of(read.config()).equals(ClientConfigTree.of(before));
        if (!changed && mode != Mode.REPLACE) {
            return new Outcome(new Saved(false, ClientConfigChanges.restartFields(running.get(), before),
                    read.warnings(), null), before);
        }
        if (file == null) {
            throw new ControlException(ControlException.Code.SAVE_FAILED, "this client has no configuration file");
        }
        String backup = mode == Mode.SAVE ? null : backup();
        ConfigResult<ClientConfig> saved;
        try {
            saved = file.save(next);
        } catch (UncheckedIOException e) {
            throw new ControlException(ControlException.Code.SAVE_FAILED, e.getMessage());
        }
        Applied applied = apply.apply(saved);
        return new Outcome(new Saved(true, applied.restartFields(), applied.warnings(), backup), saved.config());
    }

    private String backup() {
        try {
            return file.backup().map(Path::toString).orElse(null);
        } catch (UncheckedIOException e) {
            throw new ControlException(ControlException.Code.SAVE_FAILED, e.getMessage());
        }
    }

    /** [CAPI-053]: the edit read and compared with the running configuration; nothing is written. */
    Future<Checked> check(Edit edit) {
        return vertx.executeBlocking(() -> {
            ConfigResult<ClientConfig> read = read(edit.apply(tree(), current.get()));
            List<String> restart = read.isValid() ? ClientConfigChanges.restartFields(running.get(), read.config())
                    : List.of();
            return new Checked(read.problems(), restart);
        }, false);
    }

    /** [CAPI-058]: the file as written; without a file, the current configuration. */
    Future<Object> savedTree() {
        return vertx.executeBlocking(() -> file != null ? file.tree() : ClientConfigTree.of(current.get()), false);
    }

    /** The file as written, or for a client without one its configuration with {@code ${} escaped. */
    private Object tree() {
        return file != null ? file.tree() : ConfigEdits.escape(ClientConfigTree.of(current.get()));
    }

    private ConfigResult<ClientConfig> read(Object tree) {
        return file != null ? file.read(tree) : ClientConfigReader.read(tree, EnvLookup.system());
    }
}

package io.bifrost.adapters.vertx.control;

import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ServerConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One consistent view of the configuration side of a server; replaced whole after each change. Immutable.
 *
 * @param fileTree the file's tree as written (before expansion), or {@code null} when there is no file content yet
 * @param fileConfig what {@code fileTree} reads as ({@link ServerConfig#defaults()} when there is none)
 * @param current most recently loaded or saved ([SAPI-170] "current")
 * @param running per section, the value in effect ([CFG-081])
 * @param warnings of the last load or save
 * @param file where the file is, or {@code null} until one was loaded or written
 * @param fileModified the file's modification time after the last load or save, or {@code null}
 */
record ControlState(Object fileTree, ServerConfig fileConfig, ServerConfig current, ServerConfig running,
        List<ConfigProblem> warnings, Path file, Instant fileModified) {

    ControlState {
        warnings = List.copyOf(warnings);
    }
}

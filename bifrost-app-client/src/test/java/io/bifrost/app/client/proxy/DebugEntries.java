package io.bifrost.app.client.proxy;

import io.bifrost.app.client.Poll;
import io.bifrost.core.client.DebugEntry;
import io.bifrost.testkit.client.BifrostClientExtension;
import java.util.List;

/**
 * Reads the client's traffic debugger from tests. A request is recorded on its event loop right after its answer is
 * written, so a test that has just read the answer waits for the entry.
 */
final class DebugEntries {
    private DebugEntries() {}

    /** The newest error entry, once its error starts with {@code code} (e.g. {@code connection_refused: }). */
    static DebugEntry awaitError(BifrostClientExtension client, String code) {
        Poll.until("an error entry \"" + code + "...\"", () -> newestError(client).stream()
                .anyMatch(e -> e.error() != null && e.error().startsWith(code)));
        return newestError(client).get(0);
    }

    /** The newest entry for {@code url}, once there is one (of {@code type}). */
    static DebugEntry awaitEntry(BifrostClientExtension client, String url, DebugEntry.Type type) {
        Poll.until("an entry for " + url, () -> newestFor(client, url, type) != null);
        return newestFor(client, url, type);
    }

    private static DebugEntry newestFor(BifrostClientExtension client, String url, DebugEntry.Type type) {
        return client.client().debugger().page(Integer.MAX_VALUE, 0).entries().stream()
                .filter(e -> e.record().url().equals(url) && e.type() == type)
                .findFirst().orElse(null);
    }

    private static List<DebugEntry> newestError(BifrostClientExtension client) {
        return client.client().debugger().errors(1, 0).entries();
    }
}

package io.bifrost.core.config;

import io.bifrost.core.routing.HostPattern;
import java.util.List;

/**
 * The client's traffic debugger ({@code debug}, [CFG-155], [CAPI-090]). Immutable.
 *
 * @param enabled record traffic entries; default true
 * @param maxEntries ring size, 0-1 000 000; default 1000
 * @param captureBody later phase (a warning when true); default false
 * @param maxBodySize bytes captured per body when capture is available, &ge; 0; default 65536
 * @param filterDomains when non-empty only matching hosts are recorded; default empty
 */
public record DebugConfig(
        boolean enabled, int maxEntries, boolean captureBody, long maxBodySize, List<HostPattern> filterDomains) {

    public DebugConfig {
        filterDomains = List.copyOf(filterDomains);
    }

    public static DebugConfig defaults() {
        return new DebugConfig(true, 1000, false, 65536, List.of());
    }
}

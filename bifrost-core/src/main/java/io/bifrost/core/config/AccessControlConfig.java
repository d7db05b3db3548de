package io.bifrost.core.config;

import io.bifrost.core.net.CidrBlock;
import java.util.List;

/**
 * The {@code access_control} section ([CFG-114], [SEC-040]); bare addresses are single-host blocks. Immutable.
 *
 * @param whitelist default empty = everyone allowed
 * @param blacklist default empty
 */
public record AccessControlConfig(List<CidrBlock> whitelist, List<CidrBlock> blacklist) {

    public AccessControlConfig {
        whitelist = List.copyOf(whitelist);
        blacklist = List.copyOf(blacklist);
    }

    public static AccessControlConfig defaults() {
        return new AccessControlConfig(List.of(), List.of());
    }
}

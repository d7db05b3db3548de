package io.bifrost.core.policy;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.net.CidrBlock;
import io.bifrost.core.net.IpAddress;
import java.util.List;

/**
 * Client-IP access control ([SEC-040], [PRX-010] step 2): the blacklist is checked first, then a non-empty whitelist.
 *
 * <p>Immutable and thread-safe; never blocks. The section is hot ([SEC-041]): a reload builds a new instance and the
 * caller swaps its reference, so requests already admitted (and open tunnels) are unaffected. Each list is indexed by
 * prefix length, so a check costs a few hash lookups however many entries the lists hold.
 */
public final class AccessControl {
    private static final AccessControl ALLOW_ALL = new AccessControl(PrefixSet.of(List.of()), PrefixSet.of(List.of()));

    private final PrefixSet whitelist;
    private final PrefixSet blacklist;

    private AccessControl(PrefixSet whitelist, PrefixSet blacklist) {
        this.whitelist = whitelist;
        this.blacklist = blacklist;
    }

    /** Both lists may be empty; an empty whitelist allows everyone not blacklisted. Bare addresses are /32 or /128. */
    public static AccessControl of(List<CidrBlock> whitelist, List<CidrBlock> blacklist) {
        requireNonNull(whitelist, "whitelist");
        requireNonNull(blacklist, "blacklist");
        return new AccessControl(PrefixSet.of(List.copyOf(whitelist)), PrefixSet.of(List.copyOf(blacklist)));
    }

    /** Allows every client; for configurations without an {@code access_control} section. */
    public static AccessControl allowAll() {
        return ALLOW_ALL;
    }

    /**
     * Decides for the peer address of the client connection. {@link IpAddress} has already folded IPv4-mapped IPv6 to
     * IPv4, so {@code ::ffff:10.0.0.1} is checked as {@code 10.0.0.1}, as [SEC-040] requires.
     */
    public AccessDecision check(IpAddress client) {
        requireNonNull(client, "client");
        if (blacklist.contains(client)) {
            return AccessDecision.BLACKLISTED;
        }
        if (!whitelist.isEmpty() && !whitelist.contains(client)) {
            return AccessDecision.NOT_WHITELISTED;
        }
        return AccessDecision.ALLOWED;
    }
}

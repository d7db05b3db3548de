package io.bifrost.core.policy;

import io.bifrost.core.net.CidrBlock;
import io.bifrost.core.net.IpAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of CIDR blocks answering "is this address inside any of them?" in time proportional to the number of distinct
 * prefix lengths (at most 33 + 129), not the number of blocks: blocks are grouped by family and prefix length, and a
 * lookup masks the address once per group and probes a hash set. Immutable and thread-safe.
 */
final class PrefixSet {
    /** Per prefix length (index), the masked networks; separate tables for IPv4 and IPv6. */
    private final Map<Integer, Set<IpAddress>> v4;
    private final Map<Integer, Set<IpAddress>> v6;

    private PrefixSet(Map<Integer, Set<IpAddress>> v4, Map<Integer, Set<IpAddress>> v6) {
        this.v4 = v4;
        this.v6 = v6;
    }

    static PrefixSet of(List<CidrBlock> blocks) {
        Map<Integer, Set<IpAddress>> v4 = new HashMap<>();
        Map<Integer, Set<IpAddress>> v6 = new HashMap<>();
        for (CidrBlock block : blocks) {
            Map<Integer, Set<IpAddress>> table = block.network().isV4() ? v4 : v6;
            table.computeIfAbsent(block.prefixLength(), k -> new HashSet<>()).add(block.network());
        }
        return new PrefixSet(freeze(v4), freeze(v6));
    }

    private static Map<Integer, Set<IpAddress>> freeze(Map<Integer, Set<IpAddress>> table) {
        Map<Integer, Set<IpAddress>> copy = new HashMap<>();
        table.forEach((prefix, networks) -> copy.put(prefix, Set.copyOf(networks)));
        return Map.copyOf(copy);
    }

    boolean isEmpty() {
        return v4.isEmpty() && v6.isEmpty();
    }

    boolean contains(IpAddress address) {
        Map<Integer, Set<IpAddress>> table = address.isV4() ? v4 : v6;
        if (table.isEmpty()) {
            return false;
        }
        byte[] bytes = address.bytes();
        for (Map.Entry<Integer, Set<IpAddress>> group : table.entrySet()) {
            if (group.getValue().contains(mask(bytes, group.getKey()))) {
                return true;
            }
        }
        return false;
    }

    /** The network of {@code bytes} under a prefix of {@code prefixLength} bits; {@code bytes} is not modified. */
    static IpAddress mask(byte[] bytes, int prefixLength) {
        byte[] masked = bytes.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            masked[i] = (byte) (masked[i] & (0xff << (8 - keep)));
        }
        return IpAddress.fromBytes(masked);
    }
}

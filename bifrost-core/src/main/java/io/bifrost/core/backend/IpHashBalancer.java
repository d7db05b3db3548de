package io.bifrost.core.backend;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code FNV-1a-32(client-ip-text) mod len(set)} ([RTE-060]): a client keeps its backend while the set is unchanged.
 * The text is the canonical form (dotted IPv4, RFC 5952 IPv6, IPv4-mapped as IPv4), hashed over its UTF-8 bytes.
 */
final class IpHashBalancer implements LoadBalancer {
    private static final int OFFSET_BASIS = 0x811c9dc5; // 2166136261
    private static final int PRIME = 0x01000193; // 16777619

    static long fnv1a32(String text) {
        int hash = OFFSET_BASIS;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= PRIME;
        }
        return Integer.toUnsignedLong(hash);
    }

    @Override
    public Backend pick(List<Backend> set, String clientIp) {
        return set.get((int) (fnv1a32(clientIp) % set.size()));
    }

    @Override
    public Optional<Backend> peek(List<Backend> set, String clientIp) {
        return Optional.of(pick(set, clientIp));
    }
}

package io.bifrost.core.net;

import static java.util.Objects.requireNonNull;

/**
 * An IPv4 or IPv6 address block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}.
 *
 * <p>Immutable and thread-safe. The stored network address is always masked; {@link #hadHostBits()} remembers
 * that the text had host bits set ({@code 10.1.2.3/8}), which validation reports as a warning ([RTE-015]).
 *
 * @param network the masked network address
 * @param prefixLength 0-32 for IPv4, 0-128 for IPv6
 * @param hadHostBits whether the parsed text had bits set beyond the prefix
 */
public record CidrBlock(IpAddress network, int prefixLength, boolean hadHostBits) {

    public CidrBlock {
        requireNonNull(network, "network");
        int max = network.length() * 8;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefixLength: " + prefixLength + " (expected: 0-" + max + ")");
        }
    }

    /**
     * Parses {@code address/prefix}, or a bare address as a single-host block (/32 or /128), the forms accepted by
     * access lists ([SEC-040]).
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static CidrBlock parse(String text) {
        requireNonNull(text, "text");
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        IpAddress address = IpAddress.parse(addressText)
                .orElseThrow(() -> new IllegalArgumentException("malformed address \"" + addressText + "\""));
        int max = address.length() * 8;
        int prefix = max;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("malformed prefix length \"" + p + "\"");
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                throw new IllegalArgumentException("prefix length " + prefix + " out of range 0-" + max);
            }
        }
        byte[] masked = address.bytes();
        boolean hostBits = false;
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            int mask = keep == 0 ? 0 : (0xff << (8 - keep)) & 0xff;
            if ((masked[i] & ~mask & 0xff) != 0) {
                hostBits = true;
            }
            masked[i] = (byte) (masked[i] & mask);
        }
        return new CidrBlock(IpAddress.fromBytes(masked), prefix, hostBits);
    }

    /** True when {@code address} has the block's family and its first {@code prefixLength} bits equal the network's. */
    public boolean contains(IpAddress address) {
        requireNonNull(address, "address");
        if (!network.sameFamily(address)) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (network.byteAt(i) != address.byteAt(i)) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (network.byteAt(full) & mask) == (address.byteAt(full) & mask);
    }

    /** Canonical text, e.g. {@code 10.0.0.0/8}. */
    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}

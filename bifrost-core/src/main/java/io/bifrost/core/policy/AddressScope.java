package io.bifrost.core.policy;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.net.CidrBlock;
import io.bifrost.core.net.IpAddress;
import java.util.List;
import java.util.stream.Stream;

/**
 * "Public" and "private" addresses as [SEC-090] defines them: a public address is a unicast address outside loopback,
 * RFC 1918, {@code 100.64.0.0/10} (RFC 6598), {@code 169.254.0.0/16}, {@code fc00::/7} and {@code fe80::/10}.
 * Stateless.
 */
public final class AddressScope {
    private static final List<CidrBlock> NON_PUBLIC = Stream.of(
                    "127.0.0.0/8",
                    "::1/128",
                    "10.0.0.0/8",
                    "172.16.0.0/12",
                    "192.168.0.0/16",
                    "100.64.0.0/10",
                    "169.254.0.0/16",
                    "fc00::/7",
                    "fe80::/10")
            .map(CidrBlock::parse)
            .toList();
    private static final CidrBlock V4_MULTICAST = CidrBlock.parse("224.0.0.0/4");
    private static final CidrBlock V6_MULTICAST = CidrBlock.parse("ff00::/8");
    private static final IpAddress V4_BROADCAST = IpAddress.parse("255.255.255.255").orElseThrow();

    private AddressScope() {}

    /** True for a unicast address outside the non-public ranges. */
    public static boolean isPublic(IpAddress address) {
        requireNonNull(address, "address");
        return isUnicast(address) && NON_PUBLIC.stream().noneMatch(range -> range.contains(address));
    }

    /** True when every address of {@code block} lies inside one of the non-public ranges. */
    public static boolean isNonPublic(CidrBlock block) {
        requireNonNull(block, "block");
        return NON_PUBLIC.stream()
                .anyMatch(range -> range.prefixLength() <= block.prefixLength() && range.contains(block.network()));
    }

    private static boolean isUnicast(IpAddress address) {
        return !address.isUnspecified()
                && !V4_MULTICAST.contains(address)
                && !V6_MULTICAST.contains(address)
                && !address.equals(V4_BROADCAST);
    }
}

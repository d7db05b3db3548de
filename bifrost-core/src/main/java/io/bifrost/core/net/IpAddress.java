package io.bifrost.core.net;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address parsed from its text form without ever consulting DNS.
 *
 * <p>IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.1}) are folded into the IPv4 address, as routing
 * ([RTE-002]), access control ([SEC-040]) and the SOCKS5 front end ([PRX-074]) all require. Immutable and
 * thread-safe; {@link #equals} compares the numeric value, so {@code 2001:db8::1} equals {@code 2001:DB8:0:0::1}.
 */
public final class IpAddress {
    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Parses an IPv4 dotted quad or an IPv6 literal (brackets allowed); empty when {@code text} is neither. */
    public static Optional<IpAddress> parse(String text) {
        requireNonNull(text, "text");
        String t = text;
        if (t.length() > 2 && t.charAt(0) == '[' && t.charAt(t.length() - 1) == ']') {
            t = t.substring(1, t.length() - 1);
        }
        if (t.indexOf(':') >= 0) {
            return IpText.parseV6(t).map(IpAddress::fromBytes);
        }
        return IpText.parseV4(t).map(IpAddress::new);
    }

    /** Wraps raw network-order bytes (4 or 16); IPv4-mapped IPv6 becomes IPv4. */
    public static IpAddress fromBytes(byte[] raw) {
        requireNonNull(raw, "raw");
        if (raw.length == 4) {
            return new IpAddress(raw.clone());
        }
        if (raw.length != 16) {
            throw new IllegalArgumentException("raw.length: " + raw.length + " (expected: 4 or 16)");
        }
        if (isV4Mapped(raw)) {
            return new IpAddress(Arrays.copyOfRange(raw, 12, 16));
        }
        return new IpAddress(raw.clone());
    }

    /** Converts a resolved JDK address (no lookup happens: the address is already numeric). */
    public static IpAddress of(InetAddress address) {
        return fromBytes(requireNonNull(address, "address").getAddress());
    }

    private static boolean isV4Mapped(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return raw[10] == (byte) 0xff && raw[11] == (byte) 0xff;
    }

    public boolean isV4() {
        return bytes.length == 4;
    }

    public boolean isV6() {
        return bytes.length == 16;
    }

    /** A copy of the network-order bytes: 4 for IPv4, 16 for IPv6. */
    public byte[] bytes() {
        return bytes.clone();
    }

    int byteAt(int i) {
        return bytes[i] & 0xff;
    }

    int length() {
        return bytes.length;
    }

    /** True for {@code 127.0.0.0/8} and {@code ::1}. */
    public boolean isLoopback() {
        return isV4() ? byteAt(0) == 127 : isAllZeroExceptLast(1);
    }

    /** True for {@code 0.0.0.0/8} and {@code ::}. */
    public boolean isUnspecified() {
        return isV4() ? byteAt(0) == 0 : isAllZeroExceptLast(0);
    }

    private boolean isAllZeroExceptLast(int last) {
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return byteAt(15) == last;
    }

    /** The JDK form of this address; never triggers a lookup. */
    public InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always a valid address", e);
        }
    }

    /** IPv4 dotted decimal, or IPv6 in the RFC 5952 canonical form (lower case, longest zero run compressed). */
    @Override
    public String toString() {
        return isV4() ? IpText.formatV4(bytes) : IpText.formatV6(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Whether this value came from an {@link Inet4Address}-compatible form. */
    boolean sameFamily(IpAddress other) {
        return bytes.length == other.bytes.length;
    }
}

package io.bifrost.adapters.vertx.proxy.socks5;

import static java.util.Objects.requireNonNull;

import io.vertx.core.buffer.Buffer;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A SOCKS5 {@code DST.ADDR} / {@code BND.ADDR} (RFC 1928 §5): a host name ({@code ATYP 0x03}), an IPv4 address
 * ({@code 0x01}) or an IPv6 address ({@code 0x04}). Names are never resolved here. Immutable; values validate
 * themselves; never null.
 */
public sealed interface Socks5Address {

    /** {@code ATYP} for IPv4 addresses. */
    int ATYP_IPV4 = 0x01;
    /** {@code ATYP} for host names. */
    int ATYP_DOMAIN = 0x03;
    /** {@code ATYP} for IPv6 addresses. */
    int ATYP_IPV6 = 0x04;

    /** The {@code ATYP} byte for this address. */
    int atyp();

    /** The host as text: the name, dotted IPv4, or RFC 5952 IPv6 (no brackets). */
    String host();

    /** Appends {@code ATYP DST.ADDR} as RFC 1928 lays them out. */
    void encodeTo(Buffer buffer);

    /**
     * Parses host text: an IPv4 literal, an IPv6 literal (IPv4-mapped ones become IPv4, spec [RTE-002]), or else a
     * host name following the rules of {@link DomainName}. No brackets, no trailing dot, no resolution.
     *
     * @throws IllegalArgumentException if {@code text} is neither an IP literal nor a valid host name
     */
    static Socks5Address parseHost(String text) {
        return tryParseHost(text).orElseThrow(() -> new IllegalArgumentException("host: '" + text
                + "' (expected: an IP literal, or 1-255 bytes of [A-Za-z0-9._-] in labels of 1-63 bytes)"));
    }

    /** Like {@link #parseHost(String)}, with an empty result instead of an exception. */
    static Optional<Socks5Address> tryParseHost(String text) {
        requireNonNull(text, "text");
        byte[] v4 = IpLiterals.parseIpv4(text);
        if (v4 != null) {
            return Optional.of(ofIpBytes(v4));
        }
        byte[] v6 = text.indexOf(':') >= 0 ? IpLiterals.parseIpv6(text) : null;
        if (v6 != null) {
            return Optional.of(ofIpBytes(v6));
        }
        return DomainName.isValid(text) ? Optional.of(new DomainName(text)) : Optional.empty();
    }

    /** The address of 4 or 16 raw bytes; an IPv4-mapped IPv6 address becomes {@link Ipv4} (spec [PRX-074]). */
    static Socks5Address ofIpBytes(byte[] bytes) {
        requireNonNull(bytes, "bytes");
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("bytes: " + bytes.length + " bytes (expected: 4 or 16)");
        }
        try {
            InetAddress address = InetAddress.getByAddress(bytes);      // raw bytes: no lookup of any kind
            if (address instanceof Inet4Address v4) {                     // the JDK maps ::ffff:a.b.c.d to IPv4 itself
                return new Ipv4(v4);
            }
            return new Ipv6((Inet6Address) address);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("address bytes of length " + bytes.length, impossible);
        }
    }

    /** The address of an {@link InetAddress}; an IPv4-mapped IPv6 address becomes {@link Ipv4}. */
    static Socks5Address of(InetAddress address) {
        requireNonNull(address, "address");
        return ofIpBytes(address.getAddress());
    }

    /**
     * A host name sent as-is ({@code ATYP 0x03}) so that the far side resolves it. Spec [PRX-075]: 1–255 bytes of
     * {@code [A-Za-z0-9._-]}, labels of 1–63 bytes, no trailing dot (strip one before constructing). Case is kept.
     */
    record DomainName(String name) implements Socks5Address {
        private static final int MAX_LENGTH = 255;
        private static final int MAX_LABEL_LENGTH = 63;

        public DomainName {
            requireNonNull(name, "name");
            if (!isValid(name)) {
                throw new IllegalArgumentException("name: '" + name
                        + "' (expected: 1-255 bytes of [A-Za-z0-9._-] in labels of 1-63 bytes)");
            }
        }

        static boolean isValid(String name) {
            if (name.isEmpty() || name.length() > MAX_LENGTH) {
                return false;
            }
            int label = 0;
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c == '.') {
                    if (label == 0) {
                        return false;
                    }
                    label = 0;
                } else if (!isNameChar(c) || ++label > MAX_LABEL_LENGTH) {
                    return false;
                }
            }
            return label > 0;
        }

        private static boolean isNameChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        }

        @Override
        public int atyp() {
            return ATYP_DOMAIN;
        }

        @Override
        public String host() {
            return name;
        }

        @Override
        public void encodeTo(Buffer buffer) {
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);   // validated: ASCII only, at most 255 bytes
            buffer.appendByte((byte) ATYP_DOMAIN).appendByte((byte) bytes.length).appendBytes(bytes);
        }
    }

    /** An IPv4 address ({@code ATYP 0x01}). */
    record Ipv4(Inet4Address address) implements Socks5Address {
        public Ipv4 {
            requireNonNull(address, "address");
        }

        @Override
        public int atyp() {
            return ATYP_IPV4;
        }

        @Override
        public String host() {
            return IpLiterals.formatIpv4(address.getAddress());
        }

        @Override
        public void encodeTo(Buffer buffer) {
            buffer.appendByte((byte) ATYP_IPV4).appendBytes(address.getAddress());
        }
    }

    /** An IPv6 address ({@code ATYP 0x04}); never IPv4-mapped (that is {@link Ipv4}) and without a zone id. */
    record Ipv6(Inet6Address address) implements Socks5Address {
        public Ipv6 {
            requireNonNull(address, "address");
            if (IpLiterals.isIpv4Mapped(address.getAddress())) {
                throw new IllegalArgumentException("address: " + address + " (expected: not IPv4-mapped; use Ipv4)");
            }
            if (address.getScopeId() != 0 || address.getScopedInterface() != null) {
                throw new IllegalArgumentException("address: " + address + " (expected: no zone id)");
            }
        }

        @Override
        public int atyp() {
            return ATYP_IPV6;
        }

        @Override
        public String host() {
            return IpLiterals.formatIpv6(address.getAddress());
        }

        @Override
        public void encodeTo(Buffer buffer) {
            buffer.appendByte((byte) ATYP_IPV6).appendBytes(address.getAddress());
        }
    }
}

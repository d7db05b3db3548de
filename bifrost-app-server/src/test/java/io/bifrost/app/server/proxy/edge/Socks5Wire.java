package io.bifrost.app.server.proxy.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * Hand-built SOCKS5 messages (RFC 1928, RFC 1929) and a reader for replies, for byte-level tests on raw sockets.
 */
final class Socks5Wire {
    static final int CMD_CONNECT = 0x01;
    static final int CMD_BIND = 0x02;
    static final int CMD_UDP_ASSOCIATE = 0x03;
    static final int ATYP_IPV4 = 0x01;
    static final int ATYP_DOMAIN = 0x03;
    static final int ATYP_IPV6 = 0x04;

    private Socks5Wire() {}

    /** {@code VER=05 NMETHODS METHODS...}. */
    static byte[] greeting(int... methods) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(5);
        out.write(methods.length);
        for (int m : methods) {
            out.write(m);
        }
        return out.toByteArray();
    }

    /** RFC 1929 {@code VER=01 ULEN UNAME PLEN PASSWD}. */
    static byte[] credentials(String user, String password) {
        byte[] u = user.getBytes(StandardCharsets.UTF_8);
        byte[] p = password.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(u.length);
        out.writeBytes(u);
        out.write(p.length);
        out.writeBytes(p);
        return out.toByteArray();
    }

    /** A CONNECT to an IP literal: ATYP 01 or 04 by the address family. */
    static byte[] connect(InetAddress address, int port) {
        return request(CMD_CONNECT, address instanceof Inet6Address ? ATYP_IPV6 : ATYP_IPV4, address.getAddress(),
                port);
    }

    /** A CONNECT to {@code 127.0.0.1:port}. */
    static byte[] connectLoopback(int port) {
        return connect(ipv4Loopback(), port);
    }

    /** A CONNECT with ATYP 03: one length byte, then the name. */
    static byte[] connectDomain(String name, int port) {
        return request(CMD_CONNECT, ATYP_DOMAIN, domainField(name), port);
    }

    /** {@code VER=05 CMD RSV=00 ATYP DST.ADDR DST.PORT}; {@code address} as it goes on the wire. */
    static byte[] request(int command, int atyp, byte[] address, int port) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(5);
        out.write(command);
        out.write(0);
        out.write(atyp);
        out.writeBytes(address);
        out.write(port >> 8);
        out.write(port);
        return out.toByteArray();
    }

    static byte[] domainField(String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] field = new byte[n.length + 1];
        field[0] = (byte) n.length;
        System.arraycopy(n, 0, field, 1, n.length);
        return field;
    }

    /** Every failure reply of [PRX-076]: {@code 05 REP 00 01 00 00 00 00 00 00}. */
    static byte[] failure(int rep) {
        return new byte[] {5, (byte) rep, 0, 1, 0, 0, 0, 0, 0, 0};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Reads one reply to a request; its length follows from ATYP. */
    static Reply readReply(Socket socket) throws IOException {
        byte[] start = Wire.readExactly(socket, 4);
        int addressLength = switch (start[3]) {
            case ATYP_IPV4 -> 4;
            case ATYP_IPV6 -> 16;
            case ATYP_DOMAIN -> Wire.readExactly(socket, 1)[0] & 0xFF;
            default -> throw new IOException("reply ATYP: " + start[3] + " (expected: 1, 3 or 4)");
        };
        byte[] address = Wire.readExactly(socket, addressLength);
        byte[] port = Wire.readExactly(socket, 2);
        return new Reply(start[0] & 0xFF, start[1] & 0xFF, start[3] & 0xFF, address,
                ((port[0] & 0xFF) << 8) | (port[1] & 0xFF));
    }

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4-byte address is always valid", e);
        }
    }

    /**
     * A SOCKS5 reply.
     *
     * @param address the BND.ADDR bytes (for ATYP 03 without the length byte)
     */
    record Reply(int version, int rep, int atyp, byte[] address, int port) {
        InetSocketAddress bound() throws UnknownHostException {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        }
    }
}

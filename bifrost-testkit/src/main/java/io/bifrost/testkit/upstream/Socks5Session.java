package io.bifrost.testkit.upstream;

import io.bifrost.testkit.internal.BlockingTcpServer;
import io.bifrost.testkit.internal.Relay;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * One client connection to a {@link FakeSocks5Proxy}, read top-down as the RFCs describe it: method selection
 * (RFC 1928 §3), username/password sub-negotiation (RFC 1929 §2), request (RFC 1928 §4), reply (§6), relay. Runs on
 * its own thread and blocks; a client that breaks the protocol is disconnected without a reply.
 */
final class Socks5Session {

    private static final int VERSION = 0x05;
    private static final int NO_AUTH = 0x00;
    private static final int USERNAME_PASSWORD = 0x02;
    private static final int NO_ACCEPTABLE_METHOD = 0xFF;
    private static final int CMD_CONNECT = 0x01;
    private static final int REP_COMMAND_NOT_SUPPORTED = 0x07;
    private static final int REP_ADDRESS_TYPE_NOT_SUPPORTED = 0x08;

    private final ProxyCore core;
    private final int refusalReply;
    private final Socket socket;
    private final BlockingTcpServer server;
    private final DataInputStream in;
    private final OutputStream out;

    Socks5Session(ProxyCore core, int refusalReply, Socket socket, BlockingTcpServer server) throws IOException {
        this.core = core;
        this.refusalReply = refusalReply;
        this.socket = socket;
        this.server = server;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    void run() throws IOException {
        if (core.mode() == ProxyMode.UNRESPONSIVE) {
            ProxyCore.discardUntilClosed(in);
            return;
        }
        if (in.readUnsignedByte() != VERSION) {
            return;
        }
        Authentication authentication = authenticate(in.readNBytes(in.readUnsignedByte()));
        if (authentication.passed()) {
            handleRequest(authentication.username());
        }
    }

    /** The outcome of method selection; {@code username} is null when no credentials were presented. */
    private record Authentication(boolean passed, String username) {
        static final Authentication NOT_NEEDED = new Authentication(true, null);
        static final Authentication FAILED = new Authentication(false, null);
    }

    /** Selects a method (RFC 1928 §3) and runs it. */
    private Authentication authenticate(byte[] methods) throws IOException {
        if (core.credentials() == null && offers(methods, NO_AUTH)) {
            out.write(new byte[] {VERSION, NO_AUTH});
            return Authentication.NOT_NEEDED;
        }
        if (!offers(methods, USERNAME_PASSWORD)) {
            out.write(new byte[] {VERSION, (byte) NO_ACCEPTABLE_METHOD});
            ProxyCore.finish(socket, in);
            return Authentication.FAILED;
        }
        out.write(new byte[] {VERSION, USERNAME_PASSWORD});
        return subNegotiate();
    }

    /** RFC 1929: VER(1) ULEN UNAME PLEN PASSWD, answered by VER(1) STATUS (0 = success). */
    private Authentication subNegotiate() throws IOException {
        if (in.readUnsignedByte() != 0x01) {
            return Authentication.FAILED;
        }
        String username = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
        String password = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
        boolean accepted = core.authenticate(username, password);
        out.write(new byte[] {0x01, (byte) (accepted ? 0x00 : 0x01)});
        if (!accepted) {
            ProxyCore.finish(socket, in);
        }
        return new Authentication(accepted, username);
    }

    private void handleRequest(String username) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] fixed = readExactly(4, raw); // VER CMD RSV ATYP
        if (fixed[0] != VERSION) {
            return;
        }
        AddressType addressType = addressType(fixed[3]);
        if (addressType == null) {
            replyAndFinish(REP_ADDRESS_TYPE_NOT_SUPPORTED);
            return;
        }
        String host = readHost(addressType, raw);
        byte[] portBytes = readExactly(2, raw);
        int port = ((portBytes[0] & 0xFF) << 8) | (portBytes[1] & 0xFF);
        core.record(new RecordedConnect((InetSocketAddress) socket.getRemoteSocketAddress(), host, port, addressType,
                username, HexFormat.of().formatHex(raw.toByteArray())));
        core.awaitRelease();
        if (fixed[1] != CMD_CONNECT) {
            replyAndFinish(REP_COMMAND_NOT_SUPPORTED);
        } else if (core.mode() == ProxyMode.REFUSING) {
            replyAndFinish(refusalReply);
        } else {
            forward(host, port);
        }
    }

    private void forward(String host, int port) throws IOException {
        Socket upstream;
        try {
            upstream = server.track(Dialer.dial(host, port));
        } catch (IOException e) {
            replyAndFinish(Dialer.socksReply(e));
            return;
        }
        try {
            out.write(reply(0x00, (InetSocketAddress) upstream.getLocalSocketAddress()));
            Relay.run(socket, in, upstream, upstream.getInputStream(), server);
        } finally {
            server.release(upstream);
        }
    }

    private String readHost(AddressType type, ByteArrayOutputStream raw) throws IOException {
        return switch (type) {
            case IPV4 -> InetAddress.getByAddress(readExactly(4, raw)).getHostAddress();
            case IPV6 -> InetAddress.getByAddress(readExactly(16, raw)).getHostAddress();
            case DOMAIN -> new String(readExactly(readExactly(1, raw)[0] & 0xFF, raw), StandardCharsets.US_ASCII);
        };
    }

    private byte[] readExactly(int length, ByteArrayOutputStream raw) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        raw.writeBytes(bytes);
        return bytes;
    }

    private void replyAndFinish(int rep) throws IOException {
        out.write(reply(rep, new InetSocketAddress(InetAddress.getByAddress(new byte[4]), 0)));
        ProxyCore.finish(socket, in);
    }

    /** VER REP RSV ATYP BND.ADDR BND.PORT. */
    private static byte[] reply(int rep, InetSocketAddress bound) {
        byte[] address = bound.getAddress().getAddress();
        ByteArrayOutputStream reply = new ByteArrayOutputStream(22);
        reply.writeBytes(new byte[] {VERSION, (byte) rep, 0x00, (byte) (address.length == 4 ? 0x01 : 0x04)});
        reply.writeBytes(address);
        reply.write(bound.getPort() >> 8);
        reply.write(bound.getPort() & 0xFF);
        return reply.toByteArray();
    }

    private static AddressType addressType(byte atyp) {
        for (AddressType type : AddressType.values()) {
            if (type.socksCode() == atyp) {
                return type;
            }
        }
        return null;
    }

    private static boolean offers(byte[] methods, int method) {
        for (byte offered : methods) {
            if ((offered & 0xFF) == method) {
                return true;
            }
        }
        return false;
    }
}

package io.bifrost.app.server.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain socket for requests the JDK client will not send (own {@code Host}, HTTP/1.0, CONNECT tunnels). */
final class RawSocket implements AutoCloseable {
    private final Socket socket = new Socket();
    private final InputStream in;

    RawSocket(InetSocketAddress address) throws IOException {
        socket.connect(address, 5000);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
    }

    RawSocket(String host, int port) throws IOException {
        this(new InetSocketAddress(host, port));
    }

    RawSocket send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** Reads until the peer closes. */
    String readToEnd() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** Reads exactly {@code n} bytes. */
    String read(int n) throws IOException {
        return new String(in.readNBytes(n), StandardCharsets.ISO_8859_1);
    }

    /** Reads a response head (up to the empty line). */
    String head() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            out.write(b);
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** -1 when the peer has closed the connection (waits up to the read timeout). */
    int readByte() throws IOException {
        return in.read();
    }

    int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

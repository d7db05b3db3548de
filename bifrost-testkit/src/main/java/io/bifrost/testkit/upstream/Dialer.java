package io.bifrost.testkit.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** Opens the forwarding proxies' outbound connections, and maps dial failures to the SOCKS5 {@code REP} codes. */
final class Dialer {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private Dialer() {}

    /** Tries every address of {@code host} in turn ("localhost" may resolve to ::1 first); blocks. */
    static Socket dial(String host, int port) throws IOException {
        IOException last = null;
        for (InetAddress address : InetAddress.getAllByName(host)) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), (int) CONNECT_TIMEOUT.toMillis());
                socket.setTcpNoDelay(true);
                return socket;
            } catch (IOException e) {
                socket.close();
                last = e;
            }
        }
        throw last != null ? last : new UnknownHostException(host);
    }

    /** RFC 1928 §6 reply codes, chosen as in Bifrost's own table (spec [PRX-100]). */
    static int socksReply(IOException failure) {
        if (failure instanceof ConnectException) {
            return 0x05; // connection refused
        }
        if (failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException
                || failure instanceof SocketTimeoutException) {
            return 0x04; // host unreachable
        }
        return 0x01; // general failure
    }
}

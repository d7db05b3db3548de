package io.bifrost.testkit.internal;

import static io.bifrost.testkit.internal.BlockingTcpServer.closeQuietly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * Copies bytes both ways between two sockets until both directions have ended, as a tunnel must (Bifrost spec
 * [PRX-055], [PRX-056]):
 *
 * <ul>
 *   <li>back-pressure: a blocked write stops the reading loop of that direction;</li>
 *   <li>half-close: the end of one direction (FIN) is passed on with {@code shutdownOutput()}, and the other
 *       direction keeps flowing until it ends too;</li>
 *   <li>an error or reset on either socket closes both.</li>
 * </ul>
 */
public final class Relay {

    private static final int CHUNK_BYTES = 16 * 1024;

    private Relay() {}

    /**
     * Relays until both directions have ended, then closes both sockets. Blocks the calling thread; the second
     * direction runs on a thread of {@code server}. {@code aIn} and {@code bIn} are the sockets' input streams, or
     * buffered wrappers of them that may already hold bytes read ahead during a handshake.
     */
    public static void run(Socket a, InputStream aIn, Socket b, InputStream bIn, BlockingTcpServer server)
            throws IOException {
        CompletableFuture<Void> backwards = new CompletableFuture<>();
        server.fork(() -> {
            pump(bIn, b, a);
            backwards.complete(null);
        });
        try {
            pump(aIn, a, b);
            backwards.join();
        } finally {
            closeQuietly(a);
            closeQuietly(b);
        }
    }

    private static void pump(InputStream in, Socket from, Socket to) {
        byte[] chunk = new byte[CHUNK_BYTES];
        try {
            OutputStream out = to.getOutputStream();
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                out.write(chunk, 0, n);
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // A reset or a close by stop(): tear the whole tunnel down, which also unblocks the other direction.
            closeQuietly(from);
            closeQuietly(to);
        }
    }
}

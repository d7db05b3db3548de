package io.bifrost.app.server.proxy.edge;

import io.bifrost.app.server.proxy.ThreadPerConnectionServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * An HTTP origin on {@code 127.0.0.1}, port 0, that reads nothing for a while after accepting a connection (a slow
 * upstream: what the proxy writes piles up), then reads one request with a {@code Content-Length} body and answers
 * {@code 200} with the number of body bytes it counted. One daemon thread per connection; thread-safe.
 */
final class StallingOrigin implements AutoCloseable {
    private final ThreadPerConnectionServer server;
    private final Duration stall;

    StallingOrigin(Duration stall) throws IOException {
        this.stall = stall;
        this.server = ThreadPerConnectionServer.start("stalling-origin", this::serve);
    }

    int port() {
        return server.port();
    }

    private void serve(Socket socket) {
        try (socket) {
            Thread.sleep(stall.toMillis()); // the point of this origin: not reading
            InputStream in = socket.getInputStream();
            long length = contentLength(Wire.readHead(in));
            byte[] buffer = new byte[64 * 1024];
            long counted = 0;
            for (int n; counted < length && (n = in.read(buffer, 0, (int) Math.min(buffer.length,
                    length - counted))) > 0; ) {
                counted += n;
            }
            String body = Long.toString(counted);
            socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            // the proxy went away first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

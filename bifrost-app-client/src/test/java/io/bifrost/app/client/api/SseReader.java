package io.bifrost.app.client.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events reader over the JDK HttpClient's streaming body ({@code BodyHandlers.ofLines()}): lines are
 * pumped into a queue by a daemon thread as they arrive, and split into events at blank lines, as an EventSource
 * does. Not thread-safe; close it to end the stream.
 */
final class SseReader implements AutoCloseable {
    /** The end of the stream in the queue. */
    private static final String END = new String("<end>");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;

    /** One event: the {@code id}, {@code data} and {@code retry} fields and comment lines it had. */
    record Event(String id, String data, String retry, List<String> comments) {}

    /** Opens {@code uri}; {@code headers} are name/value pairs. Returns once the response head has arrived. */
    SseReader(URI uri, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Thread pump = new Thread(() -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (RuntimeException e) {
                // the stream was closed by either side: that is its end
            } finally {
                lines.add(END);
            }
        }, "sse-reader");
        pump.setDaemon(true);
        pump.start();
    }

    HttpResponse<Stream<String>> response() {
        return response;
    }

    /** The next event, comments included, within {@code timeout}; {@code null} when the stream ended. */
    Event next(Duration timeout) {
        String id = null;
        String retry = null;
        List<String> data = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        while (true) {
            String line = poll(timeout);
            if (line == END) {
                lines.add(END);
                return null;
            }
            if (line.isEmpty()) {
                if (id != null || retry != null || !data.isEmpty() || !comments.isEmpty()) {
                    return new Event(id, data.isEmpty() ? null : String.join("\n", data), retry, comments);
                }
                continue;
            }
            if (line.startsWith(":")) {
                comments.add(line);
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("data: ")) {
                data.add(line.substring(6));
            } else if (line.startsWith("retry: ")) {
                retry = line.substring(7);
            }
        }
    }

    /** The next event that carries {@code data}, skipping heartbeats. */
    Event nextData(Duration timeout) {
        for (Event e = next(timeout); ; e = next(timeout)) {
            if (e == null || e.data() != null) {
                return e;
            }
        }
    }

    private String poll(Duration timeout) {
        try {
            String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new AssertionError("no line within " + timeout);
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Whether the server ended the stream within {@code timeout}, with no more data before the end. */
    boolean ended(Duration timeout) {
        try {
            return nextData(timeout) == null;
        } catch (AssertionError e) {
            return false;
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}

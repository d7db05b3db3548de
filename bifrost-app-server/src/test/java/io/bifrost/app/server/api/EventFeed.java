package io.bifrost.app.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bifrost.testkit.server.BifrostServerExtension;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A subscriber of {@code /api/v1/ws} on the JDK's WebSocket client, the closest thing to the seed's browser snippet:
 * every text message is queued as it arrives. {@link #open} returns once the server has attached it, so events
 * published afterwards reach it ([EVT-004]); {@link #close} returns once the server has let it go, so the next
 * feed's wait for "one more subscriber" cannot be fooled by this one leaving late. Used from the JUnit thread; the
 * queue is thread-safe.
 */
final class EventFeed implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final WebSocket ws;
    private final BifrostServerExtension bifrost;
    private final int subscribersBefore;

    private EventFeed(URI uri, BifrostServerExtension bifrost, int subscribersBefore) throws Exception {
        this.ws = CLIENT.newWebSocketBuilder().buildAsync(uri, new Collector()).get(10, TimeUnit.SECONDS);
        this.bifrost = bifrost;
        this.subscribersBefore = subscribersBefore;
    }

    /** @param query e.g. {@code ?token=your-token&events=config.saved}, or {@code ""} */
    static EventFeed open(BifrostServerExtension bifrost, String query) throws Exception {
        int before = bifrost.server().eventStream().subscriberCount();
        EventFeed feed = new EventFeed(URI.create("ws://127.0.0.1:" + bifrost.api().getPort() + "/api/v1/ws" + query),
                bifrost, before);
        // the client sees the 101 before the server attaches the subscriber: wait for the server's side
        await().atMost(10, TimeUnit.SECONDS).until(() -> bifrost.server().eventStream().subscriberCount() > before);
        return feed;
    }

    /** The next text message within 10 s. */
    String nextText() throws InterruptedException {
        String text = texts.poll(10, TimeUnit.SECONDS);
        assertThat(text).as("a message within 10s").isNotNull();
        return text;
    }

    /** The next message as the JSON event of [EVT-002]. */
    JsonObject next() throws InterruptedException {
        return new JsonObject(nextText());
    }

    /** Skips events of other types. */
    JsonObject nextOfType(String type) throws InterruptedException {
        while (true) {
            JsonObject event = next();
            if (type.equals(event.getString("type"))) {
                return event;
            }
        }
    }

    void send(String text) throws Exception {
        ws.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ws.abort();
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> bifrost.server().eventStream().subscriberCount() <= subscribersBefore);
    }

    /** Joins a message's fragments and asks for the next one. */
    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}

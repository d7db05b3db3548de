package io.bifrost.adapters.vertx.events;

import io.bifrost.core.port.out.EventSink;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sink combinators. */
public final class EventSinks {
    private static final Logger LOG = LoggerFactory.getLogger(EventSinks.class);

    private EventSinks() {}

    /**
     * Publishes to every sink in order. A sink that throws is a bug in that sink: it is logged and the others still
     * get the event, so one broken observer cannot break the data path.
     */
    public static EventSink fanOut(List<EventSink> sinks) {
        List<EventSink> all = List.copyOf(sinks);
        return event -> {
            for (EventSink sink : all) {
                try {
                    sink.publish(event);
                } catch (RuntimeException e) {
                    LOG.error("event sink {} failed on {}", sink, event.getClass().getSimpleName(), e);
                }
            }
        };
    }
}

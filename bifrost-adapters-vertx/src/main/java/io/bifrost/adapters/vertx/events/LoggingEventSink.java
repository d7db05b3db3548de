package io.bifrost.adapters.vertx.events;

import io.bifrost.core.event.BackendHealthChanged;
import io.bifrost.core.event.ProxyEvent;
import io.bifrost.core.event.RoutePanicChanged;
import io.bifrost.core.port.out.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the events an operator must see to the application log: health transitions at info ([BKD-063]) and
 * panic transitions at warn ([RTE-051]). Per-request events are the access log's business, not this sink's.
 */
public final class LoggingEventSink implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger("io.bifrost.events");

    @Override
    public void publish(ProxyEvent event) {
        if (event instanceof RoutePanicChanged panic) {
            if (panic.panic()) {
                LOG.warn("route \"{}\": all backends unhealthy, selecting among all {} candidates", panic.route(),
                        panic.candidates());
            } else {
                LOG.info("route \"{}\": healthy backends available again, panic over", panic.route());
            }
        } else if (event instanceof BackendHealthChanged health) {
            LOG.info("backend \"{}\" is now {}{}", health.backend(), health.healthy() ? "healthy" : "unhealthy",
                    health.reason() == null ? "" : " (" + health.reason() + ")");
        }
    }
}

package io.bifrost.adapters.vertx.runtime.logging;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import io.bifrost.core.config.LoggingConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One log event per line, UTF-8, with its time written by a {@code java.time} pattern in UTC ([CFG-120]).
 * Subclasses choose the layout. Set up before {@link #start()}, then thread-safe ({@link DateTimeFormatter} is
 * immutable).
 */
public abstract class LineEncoder extends EncoderBase<ILoggingEvent> {
    private static final byte[] NOTHING = new byte[0];

    private volatile DateTimeFormatter time = formatter(LoggingConfig.DEFAULT_TIME_FORMAT);

    /** @param pattern a {@link DateTimeFormatter} pattern; logback.xml may set it as {@code <timeFormat>} */
    public void setTimeFormat(String pattern) {
        this.time = formatter(requireNonNull(pattern, "pattern"));
    }

    static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
    }

    @Override
    public final byte[] encode(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(256);
        append(line, time.format(Instant.ofEpochMilli(event.getTimeStamp())), event);
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends the whole line, ending with a line feed, for an event that happened at {@code time}. */
    protected abstract void append(StringBuilder line, String time, ILoggingEvent event);

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }
}

package io.bifrost.adapters.vertx.dial.handshake;

import static java.util.Objects.requireNonNull;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A non-2xx answer of an upstream HTTP proxy to {@code CONNECT}, kept so that the client can relay it unchanged to
 * its own HTTP clients ([PRX-124]). Immutable apart from {@code body}, which callers must not modify.
 *
 * @param status  the status code, 100–999
 * @param reason  the reason phrase as sent (ISO-8859-1), possibly empty
 * @param headers the header fields in order, names as sent
 * @param body    the body when framed by a {@code Content-Length} of at most 16 KiB and fully received; otherwise
 *                whatever followed the head in the same reads (possibly empty)
 */
public record UpstreamHttpResponse(int status, String reason, List<Map.Entry<String, String>> headers, Buffer body) {

    public UpstreamHttpResponse {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status: " + status + " (expected: 100-999)");
        }
        requireNonNull(reason, "reason");
        headers = List.copyOf(headers);
        requireNonNull(body, "body");
    }

    /** The first field named {@code name} (case-insensitive). */
    public Optional<String> header(String name) {
        requireNonNull(name, "name");
        String wanted = name.toLowerCase(Locale.ROOT);
        return headers.stream()
                .filter(field -> field.getKey().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}

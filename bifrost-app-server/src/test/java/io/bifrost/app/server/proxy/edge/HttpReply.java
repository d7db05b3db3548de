package io.bifrost.app.server.proxy.edge;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP response as read off a raw socket: the head exactly as received (for byte-exact comparisons) and the
 * body. Immutable.
 *
 * @param head the status line, field lines and the empty line, with their {@code \r\n}
 * @param body the body bytes framed by {@code Content-Length} (empty when there is none)
 */
record HttpReply(String head, byte[] body) {
    HttpReply {
        requireNonNull(head, "head");
        requireNonNull(body, "body");
    }

    String statusLine() {
        return head.substring(0, head.indexOf("\r\n"));
    }

    int status() {
        return Integer.parseInt(statusLine().split(" ", 3)[1]);
    }

    /** The first value of field {@code name} (case-insensitive), trimmed. */
    Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /** Every value of field {@code name} (case-insensitive), in order. */
    List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).toLowerCase(Locale.ROOT)
                    .equals(name.toLowerCase(Locale.ROOT))) {
                values.add(lines[i].substring(colon + 1).strip());
            }
        }
        return values;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Head and body as one string, for exact comparison with a reply the spec prints. */
    String wire() {
        return head + bodyText();
    }

    @Override
    public String toString() {
        return wire();
    }
}

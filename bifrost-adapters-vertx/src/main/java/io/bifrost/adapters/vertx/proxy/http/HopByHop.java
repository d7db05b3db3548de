package io.bifrost.adapters.vertx.proxy.http;

import io.vertx.core.MultiMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hop-by-hop field handling of RFC 9110 §7.6.1 as [PRX-040] applies it: fields named in {@code Connection} go, then
 * the fixed hop-by-hop fields, and the proxy credentials that were addressed to Bifrost. The caller then sets the
 * framing of its own hop.
 */
final class HopByHop {
    private static final List<String> ALWAYS = List.of("connection", "proxy-connection", "keep-alive", "te",
            "transfer-encoding", "upgrade", "trailer");

    private HopByHop() {}

    /** Lower-cased tokens of every {@code Connection} and {@code Proxy-Connection} field, e.g. {@code close}. */
    static Set<String> connectionTokens(MultiMap headers) {
        Set<String> tokens = new HashSet<>();
        for (String name : List.of("connection", "proxy-connection")) {
            for (String value : headers.getAll(name)) {
                for (String token : value.split(",")) {
                    String t = token.strip().toLowerCase(Locale.ROOT);
                    if (!t.isEmpty()) {
                        tokens.add(t);
                    }
                }
            }
        }
        return tokens;
    }

    /** Strips a request's hop-by-hop fields, including {@code Proxy-Authorization}. */
    static void stripRequest(MultiMap headers) {
        strip(headers);
        headers.remove("proxy-authorization");
    }

    /** Strips a response's hop-by-hop fields, including {@code Proxy-Authenticate}. */
    static void stripResponse(MultiMap headers) {
        strip(headers);
        headers.remove("proxy-authenticate");
    }

    private static void strip(MultiMap headers) {
        for (String token : connectionTokens(headers)) {
            headers.remove(token);
        }
        for (String name : ALWAYS) {
            headers.remove(name);
        }
    }

    /**
     * Appends {@code <received-protocol> bifrost} to {@code Via} ([PRX-041], RFC 9110 §7.6.3), extending an
     * existing value with {@code ", "}.
     */
    static void appendVia(MultiMap headers, String receivedProtocol) {
        String via = receivedProtocol + " bifrost";
        List<String> existing = headers.getAll("via");
        if (existing.isEmpty()) {
            headers.add("Via", via);
        } else {
            String joined = String.join(", ", existing);
            headers.remove("via");
            headers.add("Via", joined + ", " + via);
        }
    }
}

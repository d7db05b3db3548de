package io.bifrost.testkit.origin;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * A request seen by a {@link FakeHttpOrigin}, recorded once its body has been read to the end (or the exchange
 * failed). Immutable.
 *
 * @param method        the request method, e.g. {@code GET}
 * @param uri           the request target exactly as sent: origin-form ({@code /bytes/10?chunked=true}) or the
 *                      absolute-form a proxy might forward
 * @param version       the protocol version, e.g. {@code HTTP/1.1}
 * @param headers       every header field in arrival order, names in their original case
 * @param remoteAddress the peer's address: for a proxied request, the proxy's outbound socket
 * @param bodyBytes     number of body bytes read; less than announced if the body was cut off or a custom handler
 *                      answered before reading it
 */
public record RecordedRequest(
        String method,
        String uri,
        String version,
        List<Header> headers,
        InetSocketAddress remoteAddress,
        long bodyBytes) {

    public RecordedRequest {
        requireNonNull(method, "method");
        requireNonNull(uri, "uri");
        requireNonNull(version, "version");
        headers = List.copyOf(headers);
        requireNonNull(remoteAddress, "remoteAddress");
        if (bodyBytes < 0) {
            throw new IllegalArgumentException("bodyBytes: " + bodyBytes + " (expected: >= 0)");
        }
    }

    /** The path part of {@link #uri()}, without the query (and without scheme and authority for absolute-form). */
    public String path() {
        String target = uri;
        int schemeEnd = target.indexOf("://");
        if (schemeEnd >= 0) {
            int pathStart = target.indexOf('/', schemeEnd + 3);
            target = pathStart < 0 ? "/" : target.substring(pathStart);
        }
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** The first value of the named header (case-insensitive name), if present. */
    public Optional<String> header(String name) {
        requireNonNull(name, "name");
        return headers.stream().filter(h -> h.is(name)).map(Header::value).findFirst();
    }

    /** Every value of the named header (case-insensitive name), in arrival order. */
    public List<String> headerValues(String name) {
        requireNonNull(name, "name");
        return headers.stream().filter(h -> h.is(name)).map(Header::value).toList();
    }
}

package io.bifrost.testkit.origin;

import static java.util.Objects.requireNonNull;

import io.bifrost.testkit.internal.Recording;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * Records every request of a {@link FakeHttpOrigin} and routes it: a custom handler registered for the exact path
 * wins, otherwise a built-in endpoint answers. Runs on the server's event loop.
 */
final class OriginDispatcher implements Handler<HttpServerRequest> {

    private final Map<String, Handler<HttpServerRequest>> customHandlers;
    private final Recording<RecordedRequest> recording;
    private final BuiltInEndpoints builtIns;

    OriginDispatcher(
            Map<String, Handler<HttpServerRequest>> customHandlers,
            Recording<RecordedRequest> recording,
            BuiltInEndpoints builtIns) {
        this.customHandlers = requireNonNull(customHandlers, "customHandlers");
        this.recording = requireNonNull(recording, "recording");
        this.builtIns = requireNonNull(builtIns, "builtIns");
    }

    @Override
    public void handle(HttpServerRequest request) {
        // Record when the body has been read, so bodyBytes is final. Built-in endpoints finish their response only
        // after `recorded`, so a client that has the whole response can already see the record.
        Future<Void> recorded = request.end()
                .andThen(ended -> recording.add(toRecord(request)));
        Handler<HttpServerRequest> custom = customHandlers.get(request.path());
        if (custom != null) {
            custom.handle(request);
        } else {
            builtIns.serve(request, recorded);
        }
    }

    private static RecordedRequest toRecord(HttpServerRequest request) {
        List<Header> headers = request.headers().entries().stream()
                .map(entry -> new Header(entry.getKey(), entry.getValue()))
                .toList();
        return new RecordedRequest(
                request.method().name(),
                request.uri(),
                versionText(request),
                headers,
                inetAddress(request.remoteAddress()),
                request.bytesRead());
    }

    private static String versionText(HttpServerRequest request) {
        return switch (request.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_1_1 -> "HTTP/1.1";
            case HTTP_2 -> "HTTP/2";
            case HTTP_3 -> "HTTP/3";
        };
    }

    private static InetSocketAddress inetAddress(SocketAddress address) {
        try {
            // An IP literal: getByName parses it without a DNS lookup.
            return new InetSocketAddress(InetAddress.getByName(address.hostAddress()), address.port());
        } catch (UnknownHostException e) {
            return InetSocketAddress.createUnresolved(address.host(), address.port());
        }
    }
}

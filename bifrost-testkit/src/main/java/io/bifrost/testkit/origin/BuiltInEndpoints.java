package io.bifrost.testkit.origin;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The endpoints every {@link FakeHttpOrigin} serves; their contract is documented on {@link FakeHttpOrigin}.
 * Runs on the server's event loop and never blocks it. Every endpoint ends its response only once
 * {@code recorded} has completed, i.e. after the request was recorded.
 */
final class BuiltInEndpoints {

    private static final long MAX_DELAY_MILLIS = 600_000;

    private final Vertx vertx;

    BuiltInEndpoints(Vertx vertx) {
        this.vertx = requireNonNull(vertx, "vertx");
    }

    void serve(HttpServerRequest request, Future<Void> recorded) {
        String path = request.path();
        if (path.equals("/hello")) {
            recorded.onSuccess(v -> text(request.response(), 200, "hello"));
        } else if (path.equals("/echo")) {
            echo(request, recorded);
        } else if (path.equals("/headers")) {
            recorded.onSuccess(v -> headers(request));
        } else if (path.equals("/sha256")) {
            sha256(request, recorded);
        } else if (path.startsWith("/bytes/")) {
            bytes(request, recorded, number(path, "/bytes/"));
        } else if (path.startsWith("/status/")) {
            recorded.onSuccess(v -> status(request.response(), number(path, "/status/")));
        } else if (path.startsWith("/delay/")) {
            recorded.onSuccess(v -> delay(request.response(), number(path, "/delay/")));
        } else {
            recorded.onSuccess(v -> text(request.response(), 404, "no endpoint for " + path));
        }
    }

    /** Streams the body back with back-pressure; request headers come back as {@code X-Echo-<name>}. */
    private void echo(HttpServerRequest request, Future<Void> recorded) {
        HttpServerResponse response = request.response();
        request.headers().forEach((name, value) -> response.headers().add("X-Echo-" + name, value));
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        }
        String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, contentLength); // same framing as the request
        } else {
            response.setChunked(true);
        }
        request.pipe()
                .endOnSuccess(false)
                .to(response)
                .compose(v -> recorded)
                .onSuccess(v -> response.end())
                .onFailure(failure -> request.connection().close());
    }

    private static void headers(HttpServerRequest request) {
        JsonArray headers = new JsonArray();
        request.headers().forEach((name, value) -> headers.add(new JsonArray().add(name).add(value)));
        json(request.response(), new JsonObject().put("headers", headers));
    }

    /** Hashes the body as it streams in: memory stays constant whatever the upload size. */
    private static void sha256(HttpServerRequest request, Future<Void> recorded) {
        MessageDigest digest = BytePattern.sha256();
        request.handler(chunk -> digest.update(chunk.getBytes()));
        recorded.onSuccess(v -> json(request.response(), new JsonObject()
                .put("bytes", request.bytesRead())
                .put("sha256", HexFormat.of().formatHex(digest.digest()))));
    }

    private static void bytes(HttpServerRequest request, Future<Void> recorded, long length) {
        HttpServerResponse response = request.response();
        if (length < 0) {
            recorded.onSuccess(v -> text(response, 400, "length: expected a number of bytes >= 0"));
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, "application/octet-stream");
        boolean closeDelimited = "true".equals(request.getParam("close"));
        if (closeDelimited) {
            delimitByClose(response);
        } else if ("true".equals(request.getParam("chunked"))) {
            response.setChunked(true);
        } else {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
        }
        PatternWriter.write(response, length)
                .compose(v -> recorded)
                .compose(v -> response.end())
                .onComplete(ended -> {
                    if (closeDelimited || ended.failed()) {
                        request.connection().close();
                    }
                });
    }

    /**
     * Frames the body by closing the connection (RFC 9112 §6.3, item 8), as HTTP/1.0 servers do. Vert.x always adds
     * {@code Transfer-Encoding: chunked} to a streamed HTTP/1.1 response, so the framing headers are removed at the
     * last moment, when the head is about to be written; the caller closes the connection after the last byte.
     */
    private static void delimitByClose(HttpServerResponse response) {
        response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        response.headersEndHandler(v -> response.headers()
                .remove(HttpHeaders.TRANSFER_ENCODING)
                .remove(HttpHeaders.CONTENT_LENGTH));
    }

    private static void status(HttpServerResponse response, long code) {
        if (code < 200 || code > 599) {
            text(response, 400, "status: expected a final status code in [200, 599]");
            return;
        }
        response.setStatusCode((int) code).end();
    }

    private void delay(HttpServerResponse response, long millis) {
        if (millis < 0 || millis > MAX_DELAY_MILLIS) {
            text(response, 400, "delay: expected milliseconds in [0, " + MAX_DELAY_MILLIS + "]");
            return;
        }
        long timer = vertx.setTimer(Math.max(1, millis), id -> {
            if (!response.closed()) {
                text(response, 200, "delayed " + millis + " ms");
            }
        });
        response.closeHandler(v -> vertx.cancelTimer(timer));
    }

    /** The decimal number after {@code prefix}, or -1 if there is none. */
    private static long number(String path, String prefix) {
        try {
            return Long.parseLong(path.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void text(HttpServerResponse response, int status, String body) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(body);
    }

    private static void json(HttpServerResponse response, JsonObject body) {
        response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.encode());
    }
}

package io.bifrost.testkit.origin;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * Writes {@link BytePattern} bytes to a response with back-pressure: it writes 64 KiB chunks while the write queue
 * has room and resumes from the drain handler, so a body of any size streams in constant memory. Event-loop only.
 */
final class PatternWriter {

    private static final int CHUNK_BYTES = 64 * 1024;

    private final HttpServerResponse response;
    private final long length;
    private final Promise<Void> written = Promise.promise();
    private long offset;

    private PatternWriter(HttpServerResponse response, long length) {
        this.response = response;
        this.length = length;
    }

    /** Writes {@code length} pattern bytes (without ending the response); completes when all are queued. */
    static Future<Void> write(HttpServerResponse response, long length) {
        PatternWriter writer = new PatternWriter(response, length);
        response.drainHandler(v -> writer.writeWhileRoom());
        response.closeHandler(v -> writer.written.tryFail("connection closed after " + writer.offset + " bytes"));
        writer.writeWhileRoom();
        return writer.written.future();
    }

    private void writeWhileRoom() {
        while (offset < length && !response.writeQueueFull() && !response.closed()) {
            int n = (int) Math.min(CHUNK_BYTES, length - offset);
            response.write(Buffer.buffer(BytePattern.slice(offset, n)));
            offset += n;
        }
        if (offset == length) {
            written.tryComplete();
        }
    }
}

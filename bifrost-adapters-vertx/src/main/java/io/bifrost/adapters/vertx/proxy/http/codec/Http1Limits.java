package io.bifrost.adapters.vertx.proxy.http.codec;

/**
 * Size limits of an {@link Http1Decoder}. Sizes are {@code int} because each bounds an in-memory line buffer.
 *
 * @param maxRequestLineBytes   longest request line without its terminator; default 8 KiB ([PRX-023], beyond: 414).
 *                              A response's status line is bounded by {@code maxHeaderSectionBytes} instead
 * @param maxHeaderSectionBytes longest header section (field lines with terminators and the final empty line); also
 *                              bounds a trailer section; default 64 KiB ([PRX-023], beyond: 431)
 * @param maxHeaderFields       most field lines in a header or trailer section; default 200 ([PRX-023], beyond: 431)
 * @param maxChunkLineBytes     longest chunk-size line including extensions; default 4 KiB (beyond: 400)
 */
public record Http1Limits(
        int maxRequestLineBytes, int maxHeaderSectionBytes, int maxHeaderFields, int maxChunkLineBytes) {

    public Http1Limits {
        positive("maxRequestLineBytes", maxRequestLineBytes);
        positive("maxHeaderSectionBytes", maxHeaderSectionBytes);
        positive("maxHeaderFields", maxHeaderFields);
        positive("maxChunkLineBytes", maxChunkLineBytes);
    }

    public static Http1Limits defaults() {
        return new Http1Limits(8 * 1024, 64 * 1024, 200, 4 * 1024);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: >= 1)");
        }
    }
}

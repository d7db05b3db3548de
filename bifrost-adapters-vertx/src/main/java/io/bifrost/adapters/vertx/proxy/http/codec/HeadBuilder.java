package io.bifrost.adapters.vertx.proxy.http.codec;

/** Assembles one message head from its start line and field lines, and counts its bytes. */
final class HeadBuilder {

    private final boolean requests;
    private final Http1Limits limits;
    private String startLine;
    private StartLines.RequestLine requestLine;
    private StartLines.StatusLine statusLine;
    private FieldSection fields;
    private int headBytes;

    HeadBuilder(boolean requests, Http1Limits limits) {
        this.requests = requests;
        this.limits = limits;
    }

    /** An empty line before the start line, ignored as RFC 9112 §2.2 allows but counted as head bytes. */
    void skippedLine(int rawLength) {
        headBytes += rawLength;
    }

    void startLine(String line, int rawLength) {
        startLine = line;  // kept before parsing: a malformed request line is still recorded ([PRX-011])
        headBytes += rawLength;
        if (requests) {
            requestLine = StartLines.parseRequestLine(line);
        } else {
            statusLine = StartLines.parseStatusLine(line);
        }
        fields = new FieldSection(limits, "header");
    }

    /** Nullable: the start line of the message being decoded, once it was complete. */
    String startLine() {
        return startLine;
    }

    FieldSection fields() {
        return fields;
    }

    void fieldLine(String line, int rawLength) {
        headBytes += rawLength;
        fields.add(line, rawLength);
    }

    /** @param requestMethod nullable; for responses only: the method of the request being answered */
    Http1Head finish(int rawLength, String requestMethod) {
        headBytes += rawLength;
        fields.end(rawLength);
        if (requests) {
            return new RequestHead(requestLine.method(), requestLine.target(), requestLine.version(),
                    fields.fields(), Framing.ofRequest(requestLine.method(), requestLine.version(), fields.fields()),
                    headBytes);
        }
        return new ResponseHead(statusLine.version(), statusLine.status(), statusLine.reason(), fields.fields(),
                Framing.ofResponse(statusLine.status(), requestMethod, statusLine.version(), fields.fields()),
                headBytes);
    }

    void reset() {
        startLine = null;
        requestLine = null;
        statusLine = null;
        fields = null;
        headBytes = 0;
    }
}

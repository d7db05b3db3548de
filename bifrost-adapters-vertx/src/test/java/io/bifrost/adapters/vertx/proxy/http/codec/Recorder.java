package io.bifrost.adapters.vertx.proxy.http.codec;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A listener that records decoder events as readable lines; consecutive body pieces are merged, so that a transcript
 * does not depend on how the input was split.
 */
class Recorder<H extends Http1Head> implements Http1Listener<H> {

    final List<String> events = new ArrayList<>();
    final List<H> heads = new ArrayList<>();
    final List<Http1Error> errors = new ArrayList<>();
    Http1Decoder<H> decoder;
    boolean autoResume;
    boolean recordBodyText = true;
    long bodyBytes;
    int bodyEvents;

    static Recorder<RequestHead> requests(Http1Limits limits) {
        Recorder<RequestHead> recorder = new Recorder<>();
        recorder.decoder = Http1Decoder.forRequests(limits, recorder);
        return recorder;
    }

    static Recorder<RequestHead> requests() {
        return requests(Http1Limits.defaults());
    }

    static Recorder<ResponseHead> responses() {
        Recorder<ResponseHead> recorder = new Recorder<>();
        recorder.decoder = Http1Decoder.forResponses(Http1Limits.defaults(), recorder);
        return recorder;
    }

    Recorder<H> autoResume() {
        autoResume = true;
        return this;
    }

    Recorder<H> feed(String latin1) {
        decoder.feed(bytes(latin1));
        return this;
    }

    static Buffer bytes(String latin1) {
        return Buffer.buffer(latin1, "ISO-8859-1");
    }

    static String text(Buffer buffer) {
        return buffer.toString("ISO-8859-1");
    }

    Http1Error singleError() {
        if (errors.size() != 1) {
            throw new AssertionError("expected one error, got " + events);
        }
        return errors.get(0);
    }

    @Override
    public void onHead(H head) {
        heads.add(head);
        events.add("head " + describe(head));
    }

    @Override
    public void onBody(Buffer data) {
        if (data.length() == 0) {
            throw new AssertionError("empty onBody");
        }
        bodyBytes += data.length();
        bodyEvents++;
        if (!recordBodyText) {
            return;
        }
        int last = events.size() - 1;
        if (last >= 0 && events.get(last).startsWith("body ")) {
            events.set(last, events.get(last) + text(data));
        } else {
            events.add("body " + text(data));
        }
    }

    @Override
    public void onTrailers(MultiMap trailers) {
        events.add("trailers " + fields(trailers));
    }

    @Override
    public void onMessageEnd() {
        events.add("end");
        boolean tunnel = !heads.isEmpty() && heads.get(heads.size() - 1) instanceof RequestHead request
                && request.isConnect();
        if (autoResume && !decoder.isRaw() && !tunnel) {
            decoder.resume();
        }
    }

    @Override
    public void onInputEnd() {
        events.add("input-end");
    }

    @Override
    public void onError(Http1Error error) {
        errors.add(error);
        events.add("error " + error.kind() + " " + error.message());
    }

    static String describe(Http1Head head) {
        String framing = head.framing().type() + (head.framing().length() >= 0 ? "(" + head.framing().length() + ")"
                : "");
        if (head instanceof RequestHead request) {
            return request.method() + " " + request.target() + " " + request.version().text() + " " + framing + " "
                    + head.headBytes() + " " + fields(head.headers());
        }
        ResponseHead response = (ResponseHead) head;
        return response.version().text() + " " + response.status() + " " + response.reason() + " " + framing + " "
                + head.headBytes() + " " + fields(head.headers());
    }

    static String fields(MultiMap fields) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> field : fields) {
            out.append('[').append(field.getKey()).append(": ").append(field.getValue()).append(']');
        }
        return out.toString();
    }
}

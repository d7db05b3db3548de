package io.bifrost.adapters.vertx.proxy.http.codec;

import static io.bifrost.adapters.vertx.proxy.http.codec.DecodeException.malformed;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Locale;

/** Decides a message's body framing from its head (RFC 9112 §6.3), rejecting the ambiguities of [PRX-024]. */
final class Framing {

    private Framing() {}

    static BodyFraming ofRequest(String method, Http1Version version, MultiMap headers) {
        if (method.equals("CONNECT")) {
            return BodyFraming.none();  // [PRX-050]: Content-Length/Transfer-Encoding on CONNECT are ignored
        }
        return fromFields(true, version, headers);
    }

    /** @param requestMethod nullable: the method of the request answered, when the caller told the decoder */
    static BodyFraming ofResponse(int status, String requestMethod, Http1Version version, MultiMap headers) {
        boolean connectEstablished = "CONNECT".equals(requestMethod) && status / 100 == 2;
        if ("HEAD".equals(requestMethod) || status < 200 || status == 204 || status == 304 || connectEstablished) {
            return BodyFraming.none();  // RFC 9112 §6.3 rules 1 and 2, [PRX-043]
        }
        return fromFields(false, version, headers);
    }

    private static BodyFraming fromFields(boolean request, Http1Version version, MultiMap headers) {
        List<String> transferEncoding = headers.getAll("Transfer-Encoding");
        List<String> contentLength = headers.getAll("Content-Length");
        if (!transferEncoding.isEmpty()) {
            if (!contentLength.isEmpty()) {
                throw malformed("both Content-Length and Transfer-Encoding");  // smuggling vector, RFC 9112 §6.3
            }
            if (version == Http1Version.HTTP_1_0) {
                throw malformed("Transfer-Encoding in an HTTP/1.0 message");  // RFC 9112 §6.1: faulty framing
            }
            if (endsWithChunked(transferEncoding)) {
                return BodyFraming.chunked();
            }
            if (request) {
                throw malformed("Transfer-Encoding must end with chunked");
            }
            return BodyFraming.closeDelimited();  // RFC 9112 §6.3 rule 4, for responses
        }
        if (!contentLength.isEmpty()) {
            return BodyFraming.contentLength(contentLength(contentLength));
        }
        return request ? BodyFraming.none() : BodyFraming.closeDelimited();
    }

    private static boolean endsWithChunked(List<String> fieldValues) {
        String last = null;
        int chunked = 0;
        for (String value : fieldValues) {
            for (String element : value.split(",", -1)) {
                String coding = HttpChars.trimWhitespace(element);
                if (coding.isEmpty()) {
                    continue;  // RFC 9110 §5.6.1: empty list elements are ignored
                }
                int parameters = coding.indexOf(';');
                String name = parameters < 0 ? coding : HttpChars.trimWhitespace(coding.substring(0, parameters));
                if (!HttpChars.isToken(name)) {
                    throw malformed("invalid Transfer-Encoding");
                }
                last = name.toLowerCase(Locale.ROOT);
                chunked += last.equals("chunked") ? 1 : 0;
            }
        }
        if (last == null) {
            throw malformed("invalid Transfer-Encoding");
        }
        if (chunked > 1) {
            throw malformed("chunked applied more than once");  // RFC 9112 §6.1
        }
        return last.equals("chunked");
    }

    /** All values, on one or several lines, must be the same number: {@code 5, 5} is 5 (RFC 9110 §8.6). */
    private static long contentLength(List<String> fieldValues) {
        long length = -1;
        for (String value : fieldValues) {
            for (String element : value.split(",", -1)) {
                long parsed = parseDigits(HttpChars.trimWhitespace(element));
                if (length >= 0 && parsed != length) {
                    throw malformed("conflicting Content-Length values");
                }
                length = parsed;
            }
        }
        return length;
    }

    private static long parseDigits(String text) {
        if (text.isEmpty()) {
            throw malformed("invalid Content-Length");
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed("invalid Content-Length");
            }
            if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
                throw malformed("Content-Length too large");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

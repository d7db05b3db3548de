package io.bifrost.adapters.vertx.dial.handshake;

import static java.util.Objects.requireNonNull;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP {@code CONNECT} handshake with an upstream HTTP proxy, spec backends.md [BKD-032]: writes exactly
 * <pre>
 * CONNECT host:port HTTP/1.1
 * Host: host:port
 * Proxy-Authorization: Basic base64(username:password)     (only with credentials; UTF-8)
 * User-Agent: bifrost/&lt;version&gt;
 * </pre>
 * then reads the response head (at most {@value #MAX_HEAD_BYTES} bytes). Any 2xx is success and the bytes after the
 * head are tunnel bytes ([PRX-054]); 407 is {@code upstream_auth_failed}; any other status
 * {@code upstream_proxy_error}, carrying the response (and its {@code Content-Length} body, up to 16 KiB) so the
 * client can relay it ([PRX-124]). Interim 1xx responses other than 101 are skipped (RFC 9110 §15.2).
 *
 * <p>Not thread-safe (see {@link UpstreamHandshake}).
 */
public final class HttpConnectClientHandshake implements UpstreamHandshake {

    /** Limit for the response head, and for a refusal's body that is kept. */
    public static final int MAX_HEAD_BYTES = 16 * 1024;

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d\\.\\d (\\d{3})(?: (.*))?");
    private static final Pattern VERSION = Pattern.compile("[!-~]+");
    private static final byte[] HTTP_PREFIX = "HTTP/".getBytes(StandardCharsets.US_ASCII);

    private enum State { NEW, READING_HEAD, READING_REFUSAL_BODY, FINISHED }

    private final String proxyAddress;
    private final TunnelTarget target;
    private final String bifrostVersion;
    private final UpstreamCredentials credentials;
    private State state = State.NEW;
    private Buffer input = Buffer.buffer();
    private int scanned;                           // input bytes already searched for the end of the head
    private int lineStart;                         // where the line being searched starts
    private UpstreamHttpResponse refusal;          // a non-2xx head whose body is being read
    private int refusalBodyLength;
    private long bytesRead;
    private long bytesWritten;

    /**
     * @param proxyAddress   the upstream as configured ({@code 198.51.100.20:3128}), for messages only
     * @param target         where the upstream should connect to
     * @param bifrostVersion the version for {@code User-Agent: bifrost/<version>}; visible ASCII, no spaces
     * @param credentials    null when no username is configured; a username must not contain ':' (RFC 7617 §2)
     */
    public HttpConnectClientHandshake(String proxyAddress, TunnelTarget target, String bifrostVersion,
                                      UpstreamCredentials credentials) {
        this.proxyAddress = requireNonNull(proxyAddress, "proxyAddress");
        this.target = requireNonNull(target, "target");
        this.bifrostVersion = requireNonNull(bifrostVersion, "bifrostVersion");
        this.credentials = credentials;
        if (!VERSION.matcher(bifrostVersion).matches()) {
            throw new IllegalArgumentException("bifrostVersion: '" + bifrostVersion + "' (expected: visible ASCII)");
        }
        if (credentials != null && credentials.username().indexOf(':') >= 0) {
            throw new IllegalArgumentException("username: '" + credentials.username()
                    + "' (expected: no ':' in a Basic username, RFC 7617)");
        }
    }

    @Override
    public Buffer start() {
        if (state != State.NEW) {
            throw new IllegalStateException("start: state " + state + " (expected: NEW)");
        }
        state = State.READING_HEAD;
        String authority = target.authority();
        StringBuilder request = new StringBuilder(160)
                .append("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n");
        if (credentials != null) {
            String pair = credentials.username() + ":" + credentials.password();
            request.append("Proxy-Authorization: Basic ")
                    .append(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
                    .append("\r\n");
        }
        request.append("User-Agent: bifrost/").append(bifrostVersion).append("\r\n\r\n");
        Buffer bytes = Buffer.buffer(request.toString().getBytes(StandardCharsets.US_ASCII));
        bytesWritten += bytes.length();
        return bytes;
    }

    @Override
    public UpstreamHandshakeStep feed(Buffer data) {
        requireNonNull(data, "data");
        if (state == State.NEW || state == State.FINISHED) {
            throw new IllegalStateException("feed: state " + state + " (expected: started and not finished)");
        }
        input.appendBuffer(data);
        return state == State.READING_HEAD ? readHeads() : readRefusalBody();
    }

    @Override
    public UpstreamHandshakeException connectionLost(Throwable cause) {
        if (state == State.READING_REFUSAL_BODY) {        // the answer is known; the body is just shorter
            state = State.FINISHED;
            return refused(takeInput(input.length()));
        }
        state = State.FINISHED;
        String what = cause == null ? " closed the connection" : " failed (" + cause + ")";
        return UpstreamHandshakeException.lost("upstream proxy " + proxyAddress + what
                + " before its answer to CONNECT " + target + " was complete", cause);
    }

    @Override
    public long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    private UpstreamHandshakeStep readHeads() {
        while (true) {
            if (!startsLikeHttp()) {
                return violation("did not answer CONNECT " + target + " with HTTP");
            }
            int end = findHeadEnd();
            if (end < 0 && input.length() <= MAX_HEAD_BYTES) {
                return new UpstreamHandshakeStep.Continue(Buffer.buffer());
            }
            if (end < 0 || end > MAX_HEAD_BYTES) {
                return violation("sent a response head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            String[] lines = input.getString(0, end, "ISO-8859-1").split("\r?\n");
            consume(end);
            Matcher statusLine = STATUS_LINE.matcher(lines[0]);
            if (!statusLine.matches()) {
                return violation("sent a malformed status line '" + printable(lines[0]) + "'");
            }
            int status = Integer.parseInt(statusLine.group(1));
            String reason = statusLine.group(2) == null ? "" : statusLine.group(2);
            if (status < 100) {
                return violation("sent a malformed status line '" + printable(lines[0]) + "'");
            }
            if (status >= 200 && status < 300) {
                state = State.FINISHED;
                return new UpstreamHandshakeStep.Established(Buffer.buffer(),
                        new HandshakeResult.HttpTunnel(status, takeInput()));
            }
            if (status >= 200 || status == 101) {
                return refusedHead(new UpstreamHttpResponse(status, reason, headerFields(lines), Buffer.buffer()));
            }
            // any other 1xx is an interim response: the final one follows, read it in the next round
        }
    }

    private UpstreamHandshakeStep refusedHead(UpstreamHttpResponse head) {
        refusal = head;
        refusalBodyLength = contentLength(head);
        if (refusalBodyLength < 0) {                     // unframed or too long: keep what came with the head
            state = State.FINISHED;
            return new UpstreamHandshakeStep.Failed(refused(takeInput(MAX_HEAD_BYTES)));
        }
        state = State.READING_REFUSAL_BODY;
        return readRefusalBody();
    }

    private UpstreamHandshakeStep readRefusalBody() {
        if (input.length() < refusalBodyLength) {
            return new UpstreamHandshakeStep.Continue(Buffer.buffer());
        }
        state = State.FINISHED;
        return new UpstreamHandshakeStep.Failed(refused(takeInput(refusalBodyLength)));
    }

    private UpstreamHandshakeException refused(Buffer body) {
        UpstreamHttpResponse response =
                new UpstreamHttpResponse(refusal.status(), refusal.reason(), refusal.headers(), body);
        String reason = response.reason().isEmpty() ? "" : " " + printable(response.reason());
        return UpstreamHandshakeException.httpRefused(
                "upstream proxy " + proxyAddress + " answered " + response.status() + reason, response);
    }

    private UpstreamHandshakeStep violation(String detail) {
        state = State.FINISHED;
        consume(input.length());                     // read from the socket, so counted ([GEN-006]), then dropped
        return new UpstreamHandshakeStep.Failed(UpstreamHandshakeException.of(
                HandshakeFailureKind.PROTOCOL_VIOLATION, "upstream proxy " + proxyAddress + " " + detail));
    }

    private boolean startsLikeHttp() {
        for (int i = 0; i < Math.min(HTTP_PREFIX.length, input.length()); i++) {
            if (input.getByte(i) != HTTP_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    /** The index after the empty line that ends the head, or -1; lines end in CRLF or a bare LF (RFC 9112 §2.2). */
    private int findHeadEnd() {
        for (; scanned < input.length(); scanned++) {
            if (input.getByte(scanned) == '\n') {
                boolean crlf = scanned > lineStart && input.getByte(scanned - 1) == '\r';
                if ((crlf ? scanned - 1 : scanned) == lineStart) {
                    return scanned + 1;
                }
                lineStart = scanned + 1;
            }
        }
        return -1;
    }

    private static List<Map.Entry<String, String>> headerFields(String[] lines) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (!fields.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {   // obs-fold
                Map.Entry<String, String> last = fields.remove(fields.size() - 1);
                fields.add(Map.entry(last.getKey(), (last.getValue() + " " + line.strip()).strip()));
            } else if (colon > 0) {
                fields.add(Map.entry(line.substring(0, colon), line.substring(colon + 1).strip()));
            }                                            // anything else is not a field: skipped
        }
        return fields;
    }

    /** The body length to wait for, or -1 when absent, invalid, ambiguous or over the limit. */
    private static int contentLength(UpstreamHttpResponse head) {
        List<String> values = head.headers().stream()
                .filter(field -> field.getKey().equalsIgnoreCase("Content-Length"))
                .map(Map.Entry::getValue)
                .distinct()
                .toList();
        if (values.size() != 1 || !values.get(0).matches("\\d{1,9}")) {
            return -1;
        }
        int length = Integer.parseInt(values.get(0));
        return length <= MAX_HEAD_BYTES ? length : -1;
    }

    private void consume(int length) {
        bytesRead += length;
        input = input.getBuffer(length, input.length());
        scanned = 0;
        lineStart = 0;
    }

    private Buffer takeInput() {
        Buffer rest = input;
        input = Buffer.buffer();
        return rest;
    }

    private Buffer takeInput(int limit) {
        int length = Math.min(limit, input.length());
        Buffer taken = input.getBuffer(0, length);
        consume(length);
        return taken;
    }

    private static String printable(String text) {
        StringBuilder shown = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            shown.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return shown.toString();
    }
}

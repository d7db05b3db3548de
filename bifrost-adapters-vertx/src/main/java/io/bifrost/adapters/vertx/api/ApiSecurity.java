package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every API request: response headers of [SEC-013] and [GEN-010], then the token check of
 * [SEC-001]-[SEC-004], then the CSRF check of [SEC-010] (in that order, so a request failing both gets 401).
 * Thread-safe.
 */
final class ApiSecurity implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiSecurity.class);
    private static final Set<HttpMethod> MUTATING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +(.*)");
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final long LOG_INTERVAL_NANOS = 1_000_000_000L;
    private static final int MAX_REMEMBERED_ADDRESSES = 10_000;

    private final byte[] tokenDigest;
    private final Map<String, Long> lastWarned = new ConcurrentHashMap<>();

    /** @param token {@code api.token}; empty means the API is open ([SEC-001]) */
    ApiSecurity(String token) {
        requireNonNull(token, "token");
        this.tokenDigest = token.isEmpty() ? null : sha256(token);
    }

    boolean tokenRequired() {
        return tokenDigest != null;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ResponseHeaders.apply(ctx.response(), requestId(request));
        if (tokenDigest != null && !isOpen(request.method(), ctx.normalizedPath()) && !authorized(request)) {
            warnOnce(request);
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"bifrost\"");
            ctx.fail(new ApiException(ApiErrorCode.UNAUTHORIZED, null, "missing or invalid API token", null));
            return;
        }
        if (MUTATING.contains(request.method()) && ctx.normalizedPath().startsWith("/api/")
                && !"XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))) {
            ctx.fail(new ApiException(ApiErrorCode.CSRF_FAILED, null,
                    "missing X-Requested-With: XMLHttpRequest header", null));
            return;
        }
        ctx.next();
    }

    /** [SEC-003]: health, PAC and WPAD never need the token. */
    static boolean isOpen(HttpMethod method, String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (method == HttpMethod.GET && p.equals("/api/v1/health")) {
            return true;
        }
        return (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && (p.equals("/proxy.pac") || p.equals("/wpad.dat"));
    }

    /** [SEC-001]: an {@code Authorization} header alone decides; otherwise {@code ?token=}. Constant time. */
    boolean authorized(HttpServerRequest request) {
        if (tokenDigest == null) {
            return true;
        }
        String header = request.getHeader("Authorization");
        String presented;
        if (header != null) {
            var m = BEARER.matcher(header);
            presented = m.matches() ? m.group(1) : null;
        } else {
            presented = request.getParam("token");
        }
        return presented != null && MessageDigest.isEqual(tokenDigest, sha256(presented));
    }

    /** [SEC-002]: at warn, at most once per second per address; [SEC-004]: no token, no query string. */
    private void warnOnce(HttpServerRequest request) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        long now = System.nanoTime();
        Long last = lastWarned.get(address);
        if (last != null && now - last < LOG_INTERVAL_NANOS) {
            return;
        }
        if (lastWarned.size() >= MAX_REMEMBERED_ADDRESSES) {
            lastWarned.clear(); // a flood of addresses costs at most one extra line each, never unbounded memory
        }
        lastWarned.put(address, now);
        LOG.warn("API request from {} refused: missing or invalid API token ({} {})", address, request.method(),
                request.path());
    }

    /** [GEN-010]: echo 1-128 visible ASCII characters, else a random UUID. */
    private static String requestId(HttpServerRequest request) {
        String id = request.getHeader("X-Request-Id");
        return id != null && VISIBLE_ASCII.matcher(id).matches() ? id : java.util.UUID.randomUUID().toString();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 (expected: in every JRE)", e);
        }
    }

    /** The origin rule of [SEC-016], for the event stream handshake when the API is open. */
    static boolean sameOrigin(String origin, String host) {
        if (origin == null) {
            return true;
        }
        if (host == null) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int defaultPort = scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
            String originHost = uri.getHost();
            if (originHost == null) {
                return false;
            }
            int originPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
            HostHeader h = HostHeader.parse(host);
            return originHost.equalsIgnoreCase(h.host()) && originPort == h.portOr(80);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}

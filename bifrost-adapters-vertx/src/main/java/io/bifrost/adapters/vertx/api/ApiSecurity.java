package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token check of [SEC-001]-[SEC-004], then the CSRF check of [SEC-010], in that order, so a request failing both
 * gets 401. Shared by both management APIs; they differ in which endpoints are open ([SEC-003]): the server's health,
 * PAC and WPAD, the client's health (its CORS preflights are answered before this runs). Thread-safe.
 */
public final class ApiSecurity implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiSecurity.class);
    private static final Set<HttpMethod> MUTATING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final String HEALTH = "/api/v1/health";
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +(.*)");
    private static final long LOG_INTERVAL_NANOS = 1_000_000_000L;
    private static final int MAX_REMEMBERED_ADDRESSES = 10_000;

    private final byte[] tokenDigest;
    private final BiPredicate<HttpMethod, String> open;
    private final Map<String, Long> lastWarned = new ConcurrentHashMap<>();

    /**
     * @param token {@code api.token}; empty means the API is open ([SEC-001])
     * @param open which requests need no token: method and path without a trailing slash
     */
    private ApiSecurity(String token, BiPredicate<HttpMethod, String> open) {
        requireNonNull(token, "token");
        this.tokenDigest = token.isEmpty() ? null : sha256(token);
        this.open = requireNonNull(open, "open");
    }

    /** The server API's rules: health, PAC and WPAD are open. */
    public static ApiSecurity forServer(String token) {
        return new ApiSecurity(token, ApiSecurity::isOpen);
    }

    /** The client API's rules: health is open. */
    public static ApiSecurity forClient(String token) {
        return new ApiSecurity(token, (method, path) -> method == HttpMethod.GET && path.equals(HEALTH));
    }

    public boolean tokenRequired() {
        return tokenDigest != null;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (tokenDigest != null && !open.test(request.method(), withoutTrailingSlash(ctx.normalizedPath()))
                && !authorized(request)) {
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

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** [SEC-003] on the server: health, PAC and WPAD never need the token. */
    static boolean isOpen(HttpMethod method, String path) {
        String p = withoutTrailingSlash(path);
        if (method == HttpMethod.GET && p.equals(HEALTH)) {
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

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 (expected: in every JRE)", e);
        }
    }

    /** The origin rule of [SEC-016], for the event stream handshake when the API is open. */
    public static boolean sameOrigin(String origin, String host) {
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

    /** Whether the TCP peer ([SEC-005]) is a loopback address ([SEC-015]). */
    public static boolean isLoopback(SocketAddress peer) {
        if (peer == null || peer.hostAddress() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(peer.hostAddress()).isLoopbackAddress(); // a literal: no DNS lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

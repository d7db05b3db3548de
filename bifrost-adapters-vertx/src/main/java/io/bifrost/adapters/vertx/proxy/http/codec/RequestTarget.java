package io.bifrost.adapters.vertx.proxy.http.codec;

import static java.util.Objects.requireNonNull;

/**
 * A request-target as the forward proxy understands it ([PRX-020], [PRX-021], [PRX-050]): an absolute {@code http}
 * or {@code https} URI, the {@code host:port} of a {@code CONNECT}, or a refusal with a short human message (answered
 * {@code 400 bad_request}). Immutable.
 *
 * <p>Hosts are returned as written, only without IPv6 brackets: no lower-casing, IDNA or trailing-dot removal, which
 * belong to routing ([RTE-001]).
 */
public sealed interface RequestTarget permits RequestTarget.Absolute, RequestTarget.Authority, RequestTarget.Invalid {

    /**
     * Classifies {@code target} (as received in the request line) for a request with {@code method}: {@code
     * CONNECT} takes the authority-form, every other method the absolute-form. Origin-form ({@code /a}), asterisk-form
     * ({@code *}), other schemes, userinfo and malformed authorities are {@link Invalid}.
     */
    static RequestTarget parse(String method, String target) {
        requireNonNull(method, "method");
        requireNonNull(target, "target");
        return method.equals("CONNECT") ? TargetParser.connect(target) : TargetParser.absolute(target);
    }

    /** The schemes the proxy forwards, with their default ports. */
    enum Scheme {
        HTTP(80),
        HTTPS(443);

        private final int defaultPort;

        Scheme(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }

    /**
     * An absolute-form target, e.g. {@code http://example.com/a?b=1}.
     *
     * @param scheme      the scheme (received in any case)
     * @param host        the host as written; an IPv6 literal without its brackets
     * @param ipv6        whether {@code host} was a bracketed IPv6 literal
     * @param port        1-65535; the scheme's default when the URI has none
     * @param originForm  path and query to forward ([PRX-021]): never empty (an empty path is {@code /}), no fragment
     */
    record Absolute(Scheme scheme, String host, boolean ipv6, int port, String originForm) implements RequestTarget {

        public Absolute {
            requireNonNull(scheme, "scheme");
            requireNonNull(host, "host");
            requireNonNull(originForm, "originForm");
        }

        /** The {@code Host} value replacing the received one ([PRX-021]): host, plus {@code :port} if not default. */
        public String hostHeader() {
            String name = ipv6 ? "[" + host + "]" : host;
            return port == scheme.defaultPort() ? name : name + ":" + port;
        }
    }

    /**
     * An authority-form target of {@code CONNECT}, e.g. {@code example.com:443} or {@code [2001:db8::10]:443}.
     *
     * @param host the host as written; an IPv6 literal without its brackets
     * @param ipv6 whether {@code host} was a bracketed IPv6 literal
     * @param port 1-65535; 443 when the target has none ([PRX-050])
     */
    record Authority(String host, boolean ipv6, int port) implements RequestTarget {

        public Authority {
            requireNonNull(host, "host");
        }
    }

    /** @param message short, human, fit for a {@code Bifrost: <message>} body, e.g. {@code unsupported scheme "ftp"} */
    record Invalid(String message) implements RequestTarget {

        public Invalid {
            requireNonNull(message, "message");
        }
    }
}

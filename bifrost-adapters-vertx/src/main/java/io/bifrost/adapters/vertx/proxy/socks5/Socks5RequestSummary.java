package io.bifrost.adapters.vertx.proxy.socks5;

import static java.util.Objects.requireNonNull;

/**
 * What the records of a refused SOCKS5 exchange carry (spec [PRX-011]): the method, host and port. Immutable.
 *
 * @param method {@code AUTH} for a refusal during negotiation; else the command's {@link Socks5Command#methodName()}
 * @param host   the destination host as text (IPv6 without brackets); empty for negotiation refusals and for an
 *               unsupported address type; an invalid name with non-printable characters replaced by {@code ?}
 * @param port   the destination port, 0 when unknown
 */
public record Socks5RequestSummary(String method, String host, int port) {

    private static final Socks5RequestSummary NEGOTIATION = new Socks5RequestSummary("AUTH", "", 0);

    public Socks5RequestSummary {
        requireNonNull(method, "method");
        requireNonNull(host, "host");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
        }
    }

    /** A refusal during method negotiation or RFC 1929: method {@code AUTH}, empty host, port 0 ([PRX-011]). */
    public static Socks5RequestSummary negotiation() {
        return NEGOTIATION;
    }
}

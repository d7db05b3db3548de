package io.bifrost.adapters.vertx.dial.handshake;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.proxy.socks5.Socks5Endpoint;
import io.vertx.core.buffer.Buffer;

/** A completed upstream-proxy handshake: the tunnel is up. Values; never null. */
public sealed interface HandshakeResult {

    /**
     * Bytes the upstream sent after its success reply, in the same reads as the reply: they belong to the tunnel and
     * must reach the client right after Bifrost's own reply, before anything read later ([PRX-054]). Possibly empty.
     */
    Buffer leftover();

    /** The upstream HTTP proxy answered {@code CONNECT} with a 2xx {@code status} ([BKD-032]). */
    record HttpTunnel(int status, Buffer leftover) implements HandshakeResult {
        public HttpTunnel {
            requireNonNull(leftover, "leftover");
        }
    }

    /** The upstream SOCKS5 proxy replied {@code REP 0x00} with this {@code BND.ADDR:BND.PORT} ([BKD-033]). */
    record Socks5Tunnel(Socks5Endpoint bound, Buffer leftover) implements HandshakeResult {
        public Socks5Tunnel {
            requireNonNull(bound, "bound");
            requireNonNull(leftover, "leftover");
        }
    }
}

/**
 * Client handshakes Bifrost performs when it dials through an upstream proxy (spec backends.md [BKD-032] HTTP
 * {@code CONNECT}, [BKD-033] SOCKS5): pure state machines over bytes
 * ({@link io.bifrost.adapters.vertx.dial.handshake.UpstreamHandshake}) and one Vert.x driver that runs either on an
 * already-connected socket ({@link io.bifrost.adapters.vertx.dial.handshake.UpstreamHandshakeDriver}). Values are
 * never null unless a method says so.
 */
package io.bifrost.adapters.vertx.dial.handshake;

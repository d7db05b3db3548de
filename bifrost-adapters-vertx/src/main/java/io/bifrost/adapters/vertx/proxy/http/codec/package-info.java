/**
 * A strict, incremental HTTP/1.1 message codec for the forward proxy (RFC 9112; spec proxy.md sections 3 and 7).
 *
 * <p>Pure byte-level code: no sockets, no timers, no Vert.x context. {@link
 * io.bifrost.adapters.vertx.proxy.http.codec.Http1Decoder} turns bytes into events on an {@link
 * io.bifrost.adapters.vertx.proxy.http.codec.Http1Listener}, {@link
 * io.bifrost.adapters.vertx.proxy.http.codec.Http1Encoder} builds heads and chunks, and {@link
 * io.bifrost.adapters.vertx.proxy.http.codec.RequestTarget} classifies a request-target ([PRX-020], [PRX-050]).
 *
 * <p>Nullness: nothing in this package accepts or returns {@code null} unless marked "nullable" in its Javadoc.
 * (The JSpecify {@code @NullMarked} annotation is not on this module's class path yet.)
 */
package io.bifrost.adapters.vertx.proxy.http.codec;

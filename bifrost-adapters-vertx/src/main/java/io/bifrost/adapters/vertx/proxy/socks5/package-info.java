/**
 * SOCKS5 on the wire (RFC 1928, RFC 1929): the server handshake as a pure state machine
 * ({@link io.bifrost.adapters.vertx.proxy.socks5.Socks5ServerHandshake}), reply codes and their encoding, and the
 * address / endpoint values shared with the client handshake in {@code io.bifrost.adapters.vertx.dial.handshake}.
 * Nothing here owns a socket, resolves a name or blocks. Values are never null unless a method says so.
 */
package io.bifrost.adapters.vertx.proxy.socks5;

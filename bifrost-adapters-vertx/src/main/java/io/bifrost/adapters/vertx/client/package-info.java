/**
 * The client program's runtime, embeddable ({@link io.bifrost.adapters.vertx.client.BifrostClient}): local HTTP and
 * SOCKS5 listeners with the server's wire behaviour ([PRX-120]), client routes deciding {@code direct} or
 * {@code server} per request ([PRX-121]), the upstream dial with retries and refusal relay ([PRX-122]-[PRX-126]),
 * connection state and reachability ([CAPI-010], [CAPI-030], [CAPI-031]), and the traffic debugger ([PRX-127]). The
 * management API drives it through {@link io.bifrost.adapters.vertx.control.ClientControl}. Values are never null
 * unless a method says so.
 */
package io.bifrost.adapters.vertx.client;

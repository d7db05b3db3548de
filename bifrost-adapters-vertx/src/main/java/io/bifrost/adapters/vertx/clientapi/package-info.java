/**
 * The client's management API on Vert.x Web (client-api.md): the REST endpoints under {@code /api/v1} and the
 * Server-Sent Events log stream (events.md §3), built on the server API's pipeline
 * ({@link io.bifrost.adapters.vertx.api.ApiRouter}: headers, token, CSRF, endpoint table, media types, error bodies)
 * with what only the client has: CORS for local origins and the DNS-rebinding guard (security.md §4). Entry point:
 * {@link io.bifrost.adapters.vertx.clientapi.ClientApi}; what it reads is a
 * {@link io.bifrost.adapters.vertx.clientapi.ClientApiContext}; changes go through
 * {@link io.bifrost.adapters.vertx.control.ClientControl}. Values are never null unless a method says so.
 */
package io.bifrost.adapters.vertx.clientapi;

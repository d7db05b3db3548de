/**
 * The server's management API on Vert.x Web (server-api.md): the REST endpoints under {@code /api/v1}, the event
 * WebSocket, PAC/WPAD, and the security rules every response follows (security.md §1-§3). The request pipeline and
 * its parts ({@link io.bifrost.adapters.vertx.api.ApiRouter}, {@link io.bifrost.adapters.vertx.api.ApiSecurity},
 * {@link io.bifrost.adapters.vertx.api.Endpoints}, error codes and value conventions) are public because the client's
 * API ({@code io.bifrost.adapters.vertx.clientapi}) is built on them. Entry point:
 * {@link io.bifrost.adapters.vertx.api.ManagementApi}; what it reads is an
 * {@link io.bifrost.adapters.vertx.api.ApiContext}; the seams other parts of the server fill are
 * {@link io.bifrost.adapters.vertx.api.ApiHooks}, {@link io.bifrost.adapters.vertx.api.BackendProbeView} and
 * {@link io.bifrost.adapters.vertx.api.BackendTester}; configuration changes go through
 * {@link io.bifrost.adapters.vertx.control.ServerControl}.
 */
package io.bifrost.adapters.vertx.api;

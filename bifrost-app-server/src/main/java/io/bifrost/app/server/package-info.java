/**
 * The {@code bifrost-server} program: the process entry point ({@link io.bifrost.app.server.BifrostServerMain}), the
 * one Guice module ({@link io.bifrost.app.server.ServerModule}), the running application and its lifecycle under
 * process signals ({@link io.bifrost.app.server.ServerApplication}, driven by the shared
 * {@link io.bifrost.adapters.vertx.runtime.ProcessLifecycle}). Values are
 * never null unless a method says so.
 */
package io.bifrost.app.server;

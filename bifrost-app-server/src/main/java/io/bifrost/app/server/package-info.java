/**
 * The {@code bifrost-server} program: the process entry point ({@link io.bifrost.app.server.BifrostServerMain}), the
 * one Guice module ({@link io.bifrost.app.server.ServerModule}), the running application and its lifecycle under
 * process signals ({@link io.bifrost.app.server.ServerApplication}, {@link io.bifrost.app.server.ServerLifecycle},
 * {@link io.bifrost.app.server.OsSignals}) and build facts ({@link io.bifrost.app.server.BuildInfo}). Values are
 * never null unless a method says so.
 */
package io.bifrost.app.server;

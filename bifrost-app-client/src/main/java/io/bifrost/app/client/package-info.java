/**
 * The {@code bifrost-client} program: the process entry point ({@link io.bifrost.app.client.BifrostClientMain}), the
 * one Guice module ({@link io.bifrost.app.client.ClientModule}) and the running application
 * ({@link io.bifrost.app.client.ClientApplication}) under the shared
 * {@link io.bifrost.adapters.vertx.runtime.ProcessLifecycle}. Values are never null unless a method says so.
 */
package io.bifrost.app.client;

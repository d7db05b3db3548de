/**
 * The configuration side of a running server ({@link io.bifrost.adapters.vertx.control.ServerControl}): reloads
 * ([CFG-091]), API saves ([SAPI-120], [SAPI-173]) and backend changes ([BKD-090]), serialised and applied to the
 * running objects through {@link io.bifrost.adapters.vertx.control.ServerRuntime}. The implementation is
 * {@link io.bifrost.adapters.vertx.control.FileServerControl}.
 */
package io.bifrost.adapters.vertx.control;

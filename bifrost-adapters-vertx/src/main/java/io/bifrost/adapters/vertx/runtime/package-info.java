/**
 * What both programs ({@code bifrost-server}, {@code bifrost-client}) need around their proxy to run as a process:
 * build facts ({@link io.bifrost.adapters.vertx.runtime.BuildInfo}), the command-line context and configuration
 * choice ({@link io.bifrost.adapters.vertx.runtime.CliContext}, {@link io.bifrost.adapters.vertx.runtime.ConfigChoice},
 * [CFG-003]), the bodies of the commands both have ({@link io.bifrost.adapters.vertx.runtime.ProgramCommands}, for a
 * {@link io.bifrost.adapters.vertx.runtime.CliProgram}), and stop/reload under process signals
 * ({@link io.bifrost.adapters.vertx.runtime.ProcessLifecycle}, {@link io.bifrost.adapters.vertx.runtime.OsSignals}, [PRX-110]-[PRX-113]). The shells use these; embedding
 * programs need not. Values are never null unless a method says so.
 */
package io.bifrost.adapters.vertx.runtime;

/**
 * The command line of spec config.md §9 on picocli: one class per command, all running in-process against a
 * {@link io.bifrost.adapters.vertx.runtime.CliContext}; {@link io.bifrost.app.server.cli.ServerCli#run} returns the exit
 * status of [CFG-202].
 */
package io.bifrost.app.server.cli;

/**
 * The command line of spec config.md §9 for {@code bifrost-client} ([CFG-201]) on picocli: one class per command,
 * all running in-process against a {@link io.bifrost.adapters.vertx.runtime.CliContext};
 * {@link io.bifrost.app.client.cli.ClientCli#run} returns the exit status of [CFG-202].
 */
package io.bifrost.app.client.cli;

/**
 * A Bifrost client in tests: {@link io.bifrost.testkit.client.BifrostClientExtension} runs one on port 0 (typically in
 * front of a {@code BifrostServerExtension}), {@link io.bifrost.testkit.client.ClientTestConfigs} builds its
 * configuration. Nothing is null unless a method says so.
 */
package io.bifrost.testkit.client;

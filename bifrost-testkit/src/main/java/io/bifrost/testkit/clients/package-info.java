/**
 * Helpers for driving Vert.x clients from test code. See {@link io.bifrost.testkit.clients.ClientVertx}.
 *
 * <p>Nothing in this package is null unless a method says so.
 */
package io.bifrost.testkit.clients;

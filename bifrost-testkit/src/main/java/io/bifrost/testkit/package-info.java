/**
 * Bifrost's testkit: recording fakes that run on {@code 127.0.0.1}, port 0, and the JUnit 5 extensions that start
 * and stop them and Bifrost itself.
 *
 * <ul>
 *   <li>{@link io.bifrost.testkit.FakeServer} is what every fake has in common: {@code start()}/{@code stop()}
 *       returning Vert.x futures, the bound address, and {@code clearRecords()};</li>
 *   <li>{@link io.bifrost.testkit.FakeServerExtension} starts a fake before the tests of a class and stops it after
 *       them;</li>
 *   <li>{@link io.bifrost.testkit.ProgramExtension} is the lifecycle under {@code server.BifrostServerExtension}
 *       and {@code client.BifrostClientExtension};</li>
 *   <li>{@link io.bifrost.testkit.ManualSignals} stands in for the operating system's signals when a test runs a
 *       program's command line in-process;</li>
 *   <li>{@code io.bifrost.testkit.origin} holds the destinations (HTTP/HTTPS and raw TCP origins);</li>
 *   <li>{@code io.bifrost.testkit.upstream} holds fake upstream proxies (HTTP {@code CONNECT} and SOCKS5).</li>
 * </ul>
 *
 * <p>Nothing in this package is null unless a method says so.
 */
package io.bifrost.testkit;

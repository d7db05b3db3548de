/**
 * Fake destinations for proxy tests: {@link io.bifrost.testkit.origin.FakeHttpOrigin} (HTTP/1.1 and HTTPS with
 * built-in endpoints) and {@link io.bifrost.testkit.origin.FakeTcpOrigin} (raw TCP: echo, greeting, discard,
 * sink-and-report), together with what they record and the helpers to check what they send
 * ({@link io.bifrost.testkit.origin.BytePattern}, {@link io.bifrost.testkit.origin.TestCertificate}).
 *
 * <p>Nothing in this package is null unless a method says so.
 */
package io.bifrost.testkit.origin;

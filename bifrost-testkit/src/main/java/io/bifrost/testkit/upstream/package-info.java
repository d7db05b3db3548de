/**
 * Fake upstream proxies, for testing Bifrost's {@code http_proxy} and {@code socks5_proxy} backends (spec
 * [BKD-032], [BKD-033]): {@link io.bifrost.testkit.upstream.FakeHttpProxy} answers HTTP {@code CONNECT} and
 * {@link io.bifrost.testkit.upstream.FakeSocks5Proxy} speaks SOCKS5 (RFC 1928) with optional username/password
 * authentication (RFC 1929). Each behaves as its {@link io.bifrost.testkit.upstream.ProxyMode} says and records the
 * requests it received as {@link io.bifrost.testkit.upstream.RecordedConnect} values.
 *
 * <p>Nothing in this package is null unless a method says so.
 */
package io.bifrost.testkit.upstream;

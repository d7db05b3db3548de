/**
 * The access log of [SEC-070]-[SEC-073]: one line per proxied request ([PRX-011]) in {@code json}, {@code apache} /
 * {@code combined} or {@code common} format, written off the data path by one writer thread through a bounded queue
 * ({@link io.bifrost.adapters.vertx.accesslog.AccessLogSink}).
 */
package io.bifrost.adapters.vertx.accesslog;

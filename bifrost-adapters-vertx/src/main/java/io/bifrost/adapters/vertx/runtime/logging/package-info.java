/**
 * The application log of [CFG-120] on Logback: {@link io.bifrost.adapters.vertx.runtime.logging.LogSetup} applies the
 * {@code logging} section; the encoders write text or JSON lines with a UTC time pattern; file rotation keeps
 * {@code max_backups} timestamped files.
 */
package io.bifrost.adapters.vertx.runtime.logging;

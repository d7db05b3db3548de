/**
 * The configuration model of both programs (spec config.md): value syntax ({@link io.bifrost.core.config.Durations},
 * {@link io.bifrost.core.config.ByteSizes}, {@link io.bifrost.core.config.Rates},
 * {@link io.bifrost.core.config.ListenAddress}, {@link io.bifrost.core.config.HostPort}), immutable records per
 * section ({@link io.bifrost.core.config.ServerConfig}, {@link io.bifrost.core.config.ClientConfig}), and the readers
 * that turn a plain tree into them while collecting every {@link io.bifrost.core.config.ConfigProblem}
 * ({@link io.bifrost.core.config.ServerConfigReader}, {@link io.bifrost.core.config.ClientConfigReader}).
 *
 * <p>JDK only: parsing text (YAML, JSON) belongs to the adapters, which hand over maps, lists and scalars. Components
 * documented as nullable are {@code null} only where stated; everything else is non-null.
 */
package io.bifrost.core.config;

/**
 * Backend health checks (spec backends.md §5, [BKD-060]-[BKD-064]) and the backend test dial ([BKD-080],
 * [BKD-081]).
 *
 * <ul>
 *   <li>Probes: {@link io.bifrost.adapters.vertx.health.TcpProbe}, {@link io.bifrost.adapters.vertx.health.HttpProbe},
 *       {@link io.bifrost.adapters.vertx.health.PingProbe}, behind one
 *       {@link io.bifrost.adapters.vertx.health.HealthProbe} ({@link io.bifrost.adapters.vertx.health.HealthProbes}
 *       picks by type). A probe never fails its future: every problem is a failed
 *       {@link io.bifrost.core.health.ProbeOutcome} with a short reason.</li>
 *   <li>Scheduling: {@link io.bifrost.adapters.vertx.health.HealthChecks} runs one probe loop per backend on the
 *       event loop of one verticle and feeds the backend's {@link io.bifrost.core.health.HealthTracker}, which
 *       publishes {@code backend.health} on transitions.</li>
 *   <li>{@link io.bifrost.adapters.vertx.health.BackendTester}: one dial through a backend without touching its
 *       counters or health.</li>
 * </ul>
 *
 * <p>Nothing in this package accepts or returns {@code null} unless its Javadoc says so.
 */
package io.bifrost.adapters.vertx.health;

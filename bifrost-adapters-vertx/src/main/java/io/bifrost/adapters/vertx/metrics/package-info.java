/**
 * Prometheus metrics of [SAPI-320] and [SAPI-321]: {@link io.bifrost.adapters.vertx.metrics.BifrostMetrics} keeps
 * the Micrometer registry, fed by events (per-request counters and histograms) and by the counters the data path
 * already keeps (read at scrape time or sampled every {@code metrics.collection_interval});
 * {@link io.bifrost.adapters.vertx.metrics.MetricsService} serves it on {@code metrics.listen} and runs the sampler.
 */
package io.bifrost.adapters.vertx.metrics;

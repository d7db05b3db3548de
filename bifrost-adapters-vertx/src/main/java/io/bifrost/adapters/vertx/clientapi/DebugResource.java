package io.bifrost.adapters.vertx.clientapi;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.api.ApiException;
import io.bifrost.adapters.vertx.api.Endpoints;
import io.bifrost.adapters.vertx.api.QueryParams;
import io.bifrost.core.client.DebugEntry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.IntSupplier;

/** The traffic debugger ([CAPI-090]-[CAPI-094]) and the process's runtime figures ([CAPI-095]). */
final class DebugResource {
    private final ClientApiContext api;
    private final IntSupplier logSubscribers;

    DebugResource(ClientApiContext api, IntSupplier logSubscribers) {
        this.api = requireNonNull(api, "api");
        this.logSubscribers = requireNonNull(logSubscribers, "logSubscribers");
    }

    void register(Endpoints endpoints) {
        endpoints.json(HttpMethod.GET, "/api/v1/debug/entries", ctx -> Future.succeededFuture(
                entries(api.debugger().page(QueryParams.limit(ctx.request()), QueryParams.offset(ctx.request()))
                        .entries())));
        endpoints.json(HttpMethod.DELETE, "/api/v1/debug/entries", ctx -> {
            api.debugger().clear();
            return Future.succeededFuture();
        });
        endpoints.json(HttpMethod.GET, "/api/v1/debug/entries/last/:count", ctx -> Future.succeededFuture(
                entries(api.debugger().last(count(ctx)))));
        endpoints.json(HttpMethod.GET, "/api/v1/debug/errors", ctx -> Future.succeededFuture(
                entries(api.debugger().errors(QueryParams.limit(ctx.request()), QueryParams.offset(ctx.request()))
                        .entries())));
        endpoints.json(HttpMethod.GET, "/api/v1/debug/memory", ctx -> Future.succeededFuture(memory()));
    }

    private static JsonArray entries(List<DebugEntry> entries) {
        JsonArray out = new JsonArray();
        entries.forEach(e -> out.add(TrafficJson.entry(e)));
        return out;
    }

    /** [CAPI-092]: 1-1000. */
    private static int count(RoutingContext ctx) {
        String text = ctx.pathParam("count");
        if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 1000) {
            throw ApiException.invalidParameter("count: \"" + text + "\" (expected: an integer from 1 to 1000)");
        }
        return Integer.parseInt(text);
    }

    /** [CAPI-095]: the JVM's memory, collector, thread and class figures. */
    private JsonObject memory() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = memory.getHeapMemoryUsage();
        MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
        long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(p -> p.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        JsonArray gc = new JsonArray();
        long gcCount = 0;
        long gcTime = 0;
        for (GarbageCollectorMXBean c : ManagementFactory.getGarbageCollectorMXBeans()) {
            long n = Math.max(0, c.getCollectionCount());
            long t = Math.max(0, c.getCollectionTime());
            gcCount += n;
            gcTime += t;
            gc.add(new JsonObject().put("name", c.getName()).put("count", n).put("time_ms", t));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return new JsonObject().put("heap_used_bytes", heap.getUsed()).put("heap_committed_bytes", heap.getCommitted())
                .put("heap_max_bytes", heap.getMax() < 0 ? null : heap.getMax())
                .put("non_heap_used_bytes", nonHeap.getUsed())
                .put("non_heap_committed_bytes", nonHeap.getCommitted())
                .put("direct_buffer_bytes", direct).put("gc_count", gcCount).put("gc_time_ms", gcTime).put("gc", gc)
                .put("thread_count", threads.getThreadCount())
                .put("daemon_thread_count", threads.getDaemonThreadCount())
                .put("peak_thread_count", threads.getPeakThreadCount())
                .put("loaded_class_count", ManagementFactory.getClassLoadingMXBean().getLoadedClassCount())
                .put("uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
                .put("log_subscribers", logSubscribers.getAsInt());
    }
}

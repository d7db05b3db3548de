import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 3's management-plane benchmark (not a test): proxy throughput of 64 streaming downloads through the HTTP
 * listener, alone and then with 200 API calls per second and 20 WebSocket subscribers running.
 *
 * <pre>java bench/ManagementOverhead.java PROXY_PORT API_PORT ORIGIN_URL SECONDS SERVER_PID</pre>
 */
public final class ManagementOverhead {
    static final AtomicLong FAILURES = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int proxyPort = Integer.parseInt(args[0]);
        int apiPort = Integer.parseInt(args[1]);
        URI origin = URI.create(args[2]);
        int seconds = Integer.parseInt(args[3]);
        long pid = Long.parseLong(args[4]);
        Result alone = measure(proxyPort, origin, seconds, null, pid);
        Load load = Load.start(apiPort);
        Thread.sleep(10_000); // let the API paths compile before measuring, as they would in a long-running server
        Result loadedResult = measure(proxyPort, origin, seconds, load, pid);
        load.stop();
        Result aloneAgainResult = measure(proxyPort, origin, seconds, null, pid);
        double loaded = loadedResult.mbps();
        double baseline = (alone.mbps() + aloneAgainResult.mbps()) / 2;
        System.out.printf("| run | proxy throughput MB/s | proxy CPU s per GB | API calls/s | WS subscribers | WS events |%n");
        System.out.printf("|---|---|---|---|---|---|%n");
        System.out.printf("| proxy alone (before) | %.1f | %.2f | 0 | 0 | 0 |%n", alone.mbps(), alone.cpuPerGb());
        System.out.printf("| with API + WebSocket load | %.1f | %.2f | %.0f | %d | %d |%n", loaded,
                loadedResult.cpuPerGb(), load.callRate(seconds), load.subscribers(), load.events.get());
        System.out.printf("| proxy alone (after) | %.1f | %.2f | 0 | 0 | 0 |%n", aloneAgainResult.mbps(),
                aloneAgainResult.cpuPerGb());
        System.out.printf("change under load vs mean of alone runs: %+.1f%% (API errors: %d, download failures: %d)%n",
                (loaded - baseline) / baseline * 100, load.errors.get(), FAILURES.get());
    }

    /** 64 clients, each downloading the origin URL over and over through the proxy; MB/s (10^6) over the window. */
    record Result(double mbps, double cpuPerGb) {}

    /** utime + stime of a process in seconds, from /proc (Linux). */
    static double cpuSeconds(long pid) throws Exception {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // fields 14 and 15, clock ticks
    }

    static Result measure(int proxyPort, URI origin, int seconds, Load load, long pid) throws Exception {
        AtomicLong bytes = new AtomicLong();
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Thread t = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxyPort))).build();
                byte[] buf = new byte[64 * 1024];
                while (running.get()) {
                    try (InputStream in = client.send(HttpRequest.newBuilder(origin).build(),
                            HttpResponse.BodyHandlers.ofInputStream()).body()) {
                        for (int n; running.get() && (n = in.read(buf)) > 0; ) {
                            if (counting.get()) {
                                bytes.addAndGet(n);
                            }
                        }
                    } catch (Exception e) {
                        if (FAILURES.getAndIncrement() == 0) {
                            System.err.println("first download failure: " + e);
                        }
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        Thread.sleep(3000); // warm-up
        counting.set(true);
        if (load != null) {
            load.resetCount();
        }
        double cpuStart = cpuSeconds(pid);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        counting.set(false);
        double cpu = cpuSeconds(pid) - cpuStart;
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread t : threads) {
            t.join(2000);
        }
        return new Result(bytes.get() / elapsed / 1e6, cpu / (bytes.get() / 1e9));
    }

    /** 200 API calls per second (status, stats, backends, routes in turn) and 20 WebSocket subscribers. */
    static final class Load {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong events = new AtomicLong();
        final List<WebSocket> sockets = new ArrayList<>();
        ScheduledExecutorService timer;
        HttpClient api;

        static Load start(int apiPort) throws Exception {
            Load l = new Load();
            l.api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(4)).build();
            String[] paths = {"/api/v1/status", "/api/v1/stats", "/api/v1/backends", "/api/v1/routes"};
            WebSocket.Listener listener = new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    l.events.incrementAndGet();
                    ws.request(1);
                    return null;
                }
            };
            for (int i = 0; i < 20; i++) {
                l.sockets.add(l.api.newWebSocketBuilder()
                        .buildAsync(URI.create("ws://127.0.0.1:" + apiPort + "/api/v1/ws"), listener).get());
            }
            l.timer = Executors.newSingleThreadScheduledExecutor();
            AtomicLong n = new AtomicLong();
            l.timer.scheduleAtFixedRate(() -> {
                URI uri = URI.create("http://127.0.0.1:" + apiPort + paths[(int) (n.getAndIncrement() % paths.length)]);
                l.api.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                            if (e != null || r.statusCode() != 200) {
                                if (l.errors.getAndIncrement() == 0) {
                                    System.err.println("first API failure: " + (e != null ? e : r.statusCode()));
                                }
                            } else {
                                l.calls.incrementAndGet();
                            }
                        });
            }, 0, 5, TimeUnit.MILLISECONDS); // 200 per second
            return l;
        }

        void resetCount() {
            calls.set(0);
        }

        double callRate(int seconds) {
            return calls.get() / (double) seconds;
        }

        int subscribers() {
            return sockets.size();
        }

        void stop() {
            timer.shutdownNow();
            sockets.forEach(ws -> ws.abort());
        }
    }
}

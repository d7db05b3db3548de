import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The management load of issue 3's benchmark (not a test): 200 API calls per second (status, stats, backends, routes
 * in turn) and 20 WebSocket event subscribers, until its standard input closes; then one line of figures on stdout
 * ({@code calls/s subscribers events errors}). It runs on Vert.x from the server jar's class path, because the JDK's
 * HttpClient spent a third of a core on 200 calls per second, CPU the proxy under test then lacked on 2 cores.
 *
 * <pre>java -cp bifrost-app-server/target/bifrost-server.jar bench/ManagementLoad.java API_PORT</pre>
 */
public final class ManagementLoad {
    public static void main(String[] args) throws Exception {
        int apiPort = Integer.parseInt(args[0]);
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong events = new AtomicLong();
        Vertx vertx = Vertx.vertx();
        HttpClient api = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
        WebSocketClient wsClient = vertx.createWebSocketClient();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            WebSocket ws = wsClient.connect(apiPort, "127.0.0.1", "/api/v1/ws").await();
            ws.textMessageHandler(text -> events.incrementAndGet());
            sockets.add(ws);
        }
        String[] paths = {"/api/v1/status", "/api/v1/stats", "/api/v1/backends", "/api/v1/routes"};
        AtomicLong n = new AtomicLong();
        long start = System.nanoTime();
        vertx.setPeriodic(5, id -> api.request(HttpMethod.GET, apiPort, "127.0.0.1",
                        paths[(int) (n.getAndIncrement() % paths.length)])
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(body -> resp.statusCode()))
                .onComplete(ar -> {
                    if (ar.succeeded() && ar.result() == 200) {
                        calls.incrementAndGet();
                    } else if (errors.getAndIncrement() == 0) {
                        System.err.println("first API failure: " + (ar.failed() ? ar.cause() : ar.result()));
                    }
                })); // 200 per second
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the script closes our standard input
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%.0f %d %d %d%n", calls.get() / seconds, sockets.size(), events.get(), errors.get());
        System.out.flush();
        System.exit(0);
    }
}

package io.bifrost.adapters.vertx.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The commented starter files of {@code config init} ([CFG-204]) and the built-in defaults used when no file exists
 * ([CFG-003]). Both programs' texts come from one template each: the server's built-in default is its starter file
 * with the listeners on loopback, the client's is its starter file without a server and so without the routes that
 * would need one. Stateless and thread-safe; reads class-path resources.
 */
public final class ConfigTemplates {
    /** The server's listeners in the starter file. */
    public static final Map<String, String> SERVER_INIT_LISTENERS = Map.of(
            "http_listen", ":7080", "socks5_listen", ":7180", "api_listen", ":7082", "metrics_listen", ":7090");
    /** The server's listeners in the built-in default: loopback only ([CFG-003]). */
    public static final Map<String, String> SERVER_DEFAULT_LISTENERS = Map.of(
            "http_listen", "127.0.0.1:7080", "socks5_listen", "127.0.0.1:7180", "api_listen", "127.0.0.1:7082",
            "metrics_listen", "127.0.0.1:7090");
    /** The client's default listeners ({@code --http-listen}, {@code --socks5-listen}). */
    public static final String CLIENT_HTTP_LISTEN = "127.0.0.1:7380";
    public static final String CLIENT_SOCKS5_LISTEN = "127.0.0.1:7381";

    /** [CFG-204]: local names go direct, everything else through the server. */
    private static final String SERVER_ROUTES = """
            routes:
              - domains: ["localhost", "127.0.0.1", "::1", "*.local"]
                action: direct
                priority: 100
              - domains: ["*"]
                action: server
                priority: 1""";
    /** The built-in default has no server, so no route may name it ([RTE-082]); the fallback goes direct. */
    private static final String NO_ROUTES = """
            # No server is configured, so every request goes direct ([RTE-081]). Set server.address, then add routes,
            # e.g. - {domains: ["*"], action: server}
            routes: []""";

    private ConfigTemplates() {}

    /** {@code bifrost-server config init}: default listeners (all interfaces). */
    public static String serverTemplate() {
        return render("server-config.template.yaml", escaped(SERVER_INIT_LISTENERS));
    }

    /** The server's built-in default configuration: the template with every listener on loopback. */
    public static String serverBuiltInDefault() {
        return render("server-config.template.yaml", escaped(SERVER_DEFAULT_LISTENERS));
    }

    /**
     * {@code bifrost-client config init -s HOST:PORT [-p PROTOCOL] [--http-listen ADDR] [--socks5-listen ADDR]}.
     * Values are written as quoted YAML strings; validation of the result reports bad ones with their keys.
     *
     * @param serverAddress {@code -s}
     * @param protocol {@code -p}: {@code http} or {@code socks5}
     * @param httpListen e.g. {@link #CLIENT_HTTP_LISTEN}; {@code ""} disables the listener
     * @param socks5Listen e.g. {@link #CLIENT_SOCKS5_LISTEN}; {@code ""} disables the listener
     */
    public static String clientTemplate(String serverAddress, String protocol, String httpListen, String socks5Listen) {
        return client(requireNonNull(serverAddress, "serverAddress"), protocol, httpListen, socks5Listen,
                SERVER_ROUTES);
    }

    /**
     * The client's built-in default ([CFG-003]): its template with default listeners, no server and no routes, so
     * that every request goes direct by the no-match rule of [RTE-081]. The template's {@code *} → {@code server}
     * route would send every other host to a server that does not exist (503 {@code no_backend}, [PRX-126]) and
     * draw the [RTE-082] warning; without it, this is exactly {@code GET /api/v1/config/defaults} ([CAPI-054]).
     */
    public static String clientBuiltInDefault() {
        return client("", "http", CLIENT_HTTP_LISTEN, CLIENT_SOCKS5_LISTEN, NO_ROUTES);
    }

    private static String client(String serverAddress, String protocol, String httpListen, String socks5Listen,
            String routes) {
        return render("client-config.template.yaml", Map.of(
                "server_address", escape(serverAddress),
                "protocol", quoted(requireNonNull(protocol, "protocol")),
                "http_listen", escape(requireNonNull(httpListen, "httpListen")),
                "socks5_listen", escape(requireNonNull(socks5Listen, "socks5Listen")),
                "routes", routes));
    }

    /** Replaces each {@code {{key}}} with its value as given: values are YAML text already. */
    private static String render(String resource, Map<String, String> values) {
        String text = resource(resource);
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return text;
    }

    private static Map<String, String> escaped(Map<String, String> values) {
        Map<String, String> out = new HashMap<>();
        values.forEach((k, v) -> out.put(k, escape(v)));
        return out;
    }

    /** Escapes a value for a double-quoted YAML scalar. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String quoted(String value) {
        return "\"" + escape(value) + "\"";
    }

    private static String resource(String name) {
        try (InputStream in = ConfigTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource: " + name + " (expected: on the class path)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

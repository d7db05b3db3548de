package io.bifrost.adapters.vertx.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The commented starter files of {@code config init} ([CFG-204]) and the built-in defaults used when no file exists
 * ([CFG-003]). Both programs' texts come from one template each, so the built-in default is exactly the starter file
 * with its listeners on loopback. Stateless and thread-safe; reads class-path resources.
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

    private ConfigTemplates() {}

    /** {@code bifrost-server config init}: default listeners (all interfaces). */
    public static String serverTemplate() {
        return render("server-config.template.yaml", SERVER_INIT_LISTENERS);
    }

    /** The server's built-in default configuration: the template with every listener on loopback. */
    public static String serverBuiltInDefault() {
        return render("server-config.template.yaml", SERVER_DEFAULT_LISTENERS);
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
        return render("client-config.template.yaml", Map.of(
                "server_address", requireNonNull(serverAddress, "serverAddress"),
                "protocol", quoted(requireNonNull(protocol, "protocol")),
                "http_listen", requireNonNull(httpListen, "httpListen"),
                "socks5_listen", requireNonNull(socks5Listen, "socks5Listen")));
    }

    /** The client's built-in default: its template with default listeners and no server (a direct-only client). */
    public static String clientBuiltInDefault() {
        return clientTemplate("", "http", CLIENT_HTTP_LISTEN, CLIENT_SOCKS5_LISTEN);
    }

    private static String render(String resource, Map<String, String> values) {
        String text = resource(resource);
        for (Map.Entry<String, String> e : values.entrySet()) {
            String value = e.getKey().equals("protocol") ? e.getValue() : escape(e.getValue());
            text = text.replace("{{" + e.getKey() + "}}", value);
        }
        return text;
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

package io.bifrost.testkit.server;

/** Configuration text for tests: listeners on {@code 127.0.0.1:0}, loopback destinations allowed. */
public final class TestConfigs {
    private TestConfigs() {}

    /**
     * A server configuration: the given sections (backends, routes, auth, ...) under a frame that binds every
     * listener to {@code 127.0.0.1:0} and allows loopback destinations (fakes live on loopback, [SEC-060]).
     * Sections in {@code sections} must not repeat {@code server}, {@code api}, {@code metrics} or {@code network};
     * use {@link #server(String, String)} or {@link #server(String, String, String)} to add keys to {@code network}
     * and {@code api}.
     */
    public static String server(String sections) {
        return server(sections, "");
    }

    /**
     * @param extraNetwork extra lines for the {@code network} section, indented by two spaces (e.g.
     *     {@code "  dial_timeout: \"1s\"\n"})
     */
    public static String server(String sections, String extraNetwork) {
        return server(sections, extraNetwork, "");
    }

    /**
     * @param extraNetwork extra lines for the {@code network} section, indented by two spaces
     * @param extraApi extra lines for the {@code api} section, indented by two spaces (e.g.
     *     {@code "  token: \"your-token\"\n"})
     */
    public static String server(String sections, String extraNetwork, String extraApi) {
        return """
                server:
                  http:
                    listen: "127.0.0.1:0"
                  socks5:
                    listen: "127.0.0.1:0"
                  graceful_period: "2s"
                api:
                  listen: "127.0.0.1:0"
                """ + extraApi + """
                metrics:
                  listen: "127.0.0.1:0"
                access_log:
                  enabled: false
                network:
                  allow_loopback_destinations: true
                """ + extraNetwork + sections;
    }

    /** A {@code direct} backend named {@code direct} and one catch-all route to it. */
    public static String directEverywhere() {
        return server("""
                backends:
                  - name: direct
                    type: direct
                routes:
                  - domains: ["*"]
                    backend: direct
                """);
    }
}

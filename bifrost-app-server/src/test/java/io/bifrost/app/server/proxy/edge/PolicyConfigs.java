package io.bifrost.app.server.proxy.edge;

import io.bifrost.adapters.vertx.auth.BcryptPasswordVerifier;

/** The server configurations of {@link PolicyIT}: one per group of checks ([PRX-010] steps 2-9). */
final class PolicyConfigs {
    static final String ALICE_PASSWORD = "wonderland";
    static final String BOB_PASSWORD = "builder";
    // cost 4 keeps the tests fast; validation may warn about a cost below 10
    private static final String ALICE_HASH = BcryptPasswordVerifier.hash(ALICE_PASSWORD, 4);
    private static final String BOB_HASH = BcryptPasswordVerifier.hash(BOB_PASSWORD, 4);

    private PolicyConfigs() {}

    /** A native provider with user {@code alice} and the disabled user {@code bob}; everything goes direct. */
    static String authRequired() {
        return EdgeConfigs.server(nativeUsers() + EdgeConfigs.directEverywhere());
    }

    /** {@link #authRequired()} with {@code blocked} (an address or CIDR block) blacklisted. */
    static String authRequiredAndBlacklisted(String blocked) {
        return EdgeConfigs.server(nativeUsers() + EdgeConfigs.directEverywhere() + """
                access_control:
                  blacklist: ["%s"]
                """.formatted(blocked));
    }

    /** No authentication; a whitelist that does not contain the loopback clients of the tests. */
    static String whitelistWithoutTheClient() {
        return EdgeConfigs.server(EdgeConfigs.directEverywhere() + """
                access_control:
                  whitelist: ["10.0.0.0/8", "192.0.2.7"]
                """);
    }

    /** Everything direct, but loopback destinations refused ({@code allow_loopback_destinations: false}). */
    static String loopbackRefused() {
        return EdgeConfigs.server("30s", false, EdgeConfigs.directEverywhere());
    }

    /** Everything direct, two requests of burst per client IP, then one per 10 s. */
    static String rateLimited() {
        return EdgeConfigs.server(EdgeConfigs.directEverywhere() + """
                rate_limit:
                  enabled: true
                  requests_per_second: 0.1
                  burst_size: 2
                """);
    }

    /**
     * No catch-all: loopback goes direct, {@code video.example.com} to a route whose backends are all disabled,
     * {@code slow.example} through the upstream proxy at {@code stalledProxy} with a 1 s connect timeout; every other
     * host has no route.
     */
    static String routed(String stalledProxy) {
        return EdgeConfigs.server("""
                backends:
                  - name: direct
                    type: direct
                  - name: parked-a
                    type: direct
                    enabled: false
                  - name: parked-b
                    type: direct
                    enabled: false
                  - name: stalled
                    type: http_proxy
                    config:
                      address: "%s"
                      connect_timeout: "1s"
                routes:
                  - name: loopback
                    domains: ["127.0.0.0/8", "localhost"]
                    backend: direct
                  - name: media
                    domains: ["video.example.com"]
                    backends: [parked-a, parked-b]
                  - name: slow
                    domains: ["slow.example"]
                    backend: stalled
                """.formatted(stalledProxy));
    }

    private static String nativeUsers() {
        return """
                auth:
                  providers:
                    - name: staff
                      type: native
                      config:
                        users:
                          - username: alice
                            password_hash: "%s"
                          - username: bob
                            password_hash: "%s"
                            disabled: true
                """.formatted(ALICE_HASH, BOB_HASH);
    }
}

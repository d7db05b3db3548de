package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

/**
 * The {@code web_ui} section ([CFG-122], client [CFG-157]): accepted for compatibility; nothing is bound for it in
 * this version. Immutable.
 *
 * @param enabled server default false, client default true
 * @param listen server default {@code ""}, client default {@code 127.0.0.1:7382}
 * @param basePath server only; default {@code ""}
 */
public record WebUiConfig(boolean enabled, ListenAddress listen, String basePath) {

    public WebUiConfig {
        requireNonNull(listen, "listen");
        requireNonNull(basePath, "basePath");
    }

    public static WebUiConfig serverDefaults() {
        return new WebUiConfig(false, ListenAddress.disabled(), "");
    }

    public static WebUiConfig clientDefaults() {
        return new WebUiConfig(true, ListenAddress.parse("127.0.0.1:7382"), "");
    }
}

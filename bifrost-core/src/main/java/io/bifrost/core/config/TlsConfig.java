package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

/**
 * A {@code tls} block ([CFG-104]): accepted and kept; TLS itself is a later-phase feature, so {@code enabled: true}
 * is a validation error in this version. Immutable.
 *
 * @param enabled default false
 * @param certFile default {@code ""}
 * @param keyFile default {@code ""}
 * @param clientAuth {@code ""} (default), {@code request}, {@code require_any}, {@code verify_if_given},
 *     {@code require}
 * @param clientCaFile default {@code ""}
 */
public record TlsConfig(boolean enabled, String certFile, String keyFile, String clientAuth, String clientCaFile) {

    public TlsConfig {
        requireNonNull(certFile, "certFile");
        requireNonNull(keyFile, "keyFile");
        requireNonNull(clientAuth, "clientAuth");
        requireNonNull(clientCaFile, "clientCaFile");
    }

    public static TlsConfig defaults() {
        return new TlsConfig(false, "", "", "", "");
    }
}

package io.bifrost.core.client;

import java.util.Locale;

/** The client's connection state ([CAPI-030]); {@code connected} at start-up, not persisted. */
public enum ConnectionState {
    /** {@code server} requests go to the server. */
    CONNECTED,
    /** {@code server} requests fail with {@code server_disconnected} ([PRX-126]); {@code direct} ones still work. */
    DISCONNECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

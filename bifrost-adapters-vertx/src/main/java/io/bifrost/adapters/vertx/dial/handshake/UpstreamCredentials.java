package io.bifrost.adapters.vertx.dial.handshake;

import static java.util.Objects.requireNonNull;

/**
 * Username and password Bifrost presents to an upstream proxy ({@code Proxy-Authorization: Basic} for
 * [BKD-032], RFC 1929 for [BKD-033]). Immutable; {@link #toString()} never shows the password. Each handshake
 * checks the limits of its own protocol.
 *
 * @param username non-empty
 * @param password possibly empty
 */
public record UpstreamCredentials(String username, String password) {

    public UpstreamCredentials {
        requireNonNull(username, "username");
        requireNonNull(password, "password");
        if (username.isEmpty()) {
            throw new IllegalArgumentException("username: '' (expected: not empty)");
        }
    }

    @Override
    public String toString() {
        return "UpstreamCredentials[username=" + username + ", password=***]";
    }
}

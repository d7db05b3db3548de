package io.bifrost.core.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ConfigSecrets;
import io.bifrost.core.config.HostPort;
import io.bifrost.core.config.UpstreamProtocol;

/**
 * One upstream the client can use ([CAPI-040]): the {@code server} section under the name {@code default}, or an
 * entry of {@code servers}. Timeouts and retries are not here: they always come from {@code server} ([PRX-122]).
 * Immutable; {@link #toString()} masks the password.
 *
 * @param username credentials offered to the server; {@code ""} for none
 * @param password secret; {@code ""} for none
 * @param isDefault the entry's configured {@code is_default} (always false for {@code default})
 */
public record UpstreamServer(
        String name, HostPort address, UpstreamProtocol protocol, String username, String password,
        boolean isDefault) {

    public UpstreamServer {
        requireNonNull(name, "name");
        requireNonNull(address, "address");
        requireNonNull(protocol, "protocol");
        requireNonNull(username, "username");
        requireNonNull(password, "password");
    }

    /** Whether credentials are configured: a username ([PRX-122]). */
    public boolean hasCredentials() {
        return !username.isEmpty();
    }

    @Override
    public String toString() {
        return "UpstreamServer[name=" + name + ", address=" + address + ", protocol=" + protocol.wireName()
                + ", username=" + username + ", password=" + (password.isEmpty() ? "" : ConfigSecrets.MASK)
                + ", isDefault=" + isDefault + "]";
    }
}

package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

/**
 * An entry of the client's {@code servers} list ([CFG-153], [CAPI-040]). Immutable; {@link #toString()} masks the
 * password.
 *
 * @param name unique, [GEN-060], not {@code default}
 * @param address the server
 * @param protocol default {@code http}
 * @param username default {@code ""}
 * @param password secret; default {@code ""}
 * @param isDefault at most one entry is the default; default false
 */
public record NamedServerConfig(
        String name, HostPort address, UpstreamProtocol protocol, String username, String password,
        boolean isDefault) {

    public NamedServerConfig {
        requireNonNull(name, "name");
        requireNonNull(address, "address");
        requireNonNull(protocol, "protocol");
        requireNonNull(username, "username");
        requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "NamedServerConfig[name=" + name + ", address=" + address + ", protocol=" + protocol.wireName()
                + ", username=" + username + ", password=" + (password.isEmpty() ? "" : ConfigSecrets.MASK)
                + ", isDefault=" + isDefault + "]";
    }
}

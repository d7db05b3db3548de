package io.bifrost.testkit.upstream;

import static java.util.Objects.requireNonNull;

/**
 * Credentials presented to a fake upstream proxy. Immutable. The password is not kept.
 *
 * @param username the user name presented
 * @param accepted whether the proxy accepted the credentials (always true when it requires none)
 */
public record RecordedAuth(String username, boolean accepted) {

    public RecordedAuth {
        requireNonNull(username, "username");
    }
}

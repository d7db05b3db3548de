package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the client talks to its server ([CFG-152], [PRX-122]). */
public enum UpstreamProtocol {
    HTTP, SOCKS5;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UpstreamProtocol> parse(String name) {
        requireNonNull(name, "name");
        return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
    }
}

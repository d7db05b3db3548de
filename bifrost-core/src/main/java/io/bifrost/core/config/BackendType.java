package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Backend types ([BKD-010]). Names are case-sensitive; an alias is normalised to the canonical {@link #wireName()},
 * which is what the API reports and a save writes. Declared but unsupported types are kept in the configuration and
 * refused when enabled.
 */
public enum BackendType {
    DIRECT("direct", true),
    HTTP_PROXY("http_proxy", true, "httpproxy"),
    SOCKS5_PROXY("socks5_proxy", true, "socks5"),
    WIREGUARD("wireguard", false),
    OPENVPN("openvpn", false),
    NORDVPN("nordvpn", false),
    MULLVAD("mullvad", false),
    PIA("pia", false),
    PROTONVPN("protonvpn", false);

    private final String wireName;
    private final boolean supported;
    private final List<String> aliases;

    BackendType(String wireName, boolean supported, String... aliases) {
        this.wireName = wireName;
        this.supported = supported;
        this.aliases = List.of(aliases);
    }

    /** The canonical name, e.g. {@code http_proxy}. */
    public String wireName() {
        return wireName;
    }

    /** Whether this version can run a backend of this type (phase 1). */
    public boolean isSupported() {
        return supported;
    }

    /** Other accepted spellings, e.g. {@code httpproxy}. */
    public List<String> aliases() {
        return aliases;
    }

    /** The type named {@code name} (canonical or alias, case-sensitive); empty when unknown. */
    public static Optional<BackendType> parse(String name) {
        requireNonNull(name, "name");
        return Arrays.stream(values())
                .filter(t -> t.wireName.equals(name) || t.aliases.contains(name))
                .findFirst();
    }
}

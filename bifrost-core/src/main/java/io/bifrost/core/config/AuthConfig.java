package io.bifrost.core.config;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The {@code auth} section ([CFG-110], [SEC-030]). Immutable.
 *
 * @param providers in file order; default empty
 * @param negotiate the later-phase {@code auth.negotiate} block as written; empty when absent
 */
public record AuthConfig(List<AuthProviderConfig> providers, Map<String, Object> negotiate) {

    public AuthConfig {
        providers = List.copyOf(providers);
        negotiate = Trees.freezeMap(negotiate);
    }

    public static AuthConfig defaults() {
        return new AuthConfig(List.of(), Map.of());
    }

    /**
     * Authentication is required exactly when an enabled provider has a type other than {@code none} ([SEC-031]).
     */
    public boolean authenticationRequired() {
        return providers.stream().anyMatch(p -> p.enabled() && p.type() != AuthProviderType.NONE);
    }

    /**
     * The providers that take part in authentication, in the order they are tried: enabled, ascending priority, ties in
     * file order; {@code none} providers are left out (they are ignored next to others and mean "no authentication"
     * alone, [SEC-031]).
     */
    public List<AuthProviderConfig> activeProviders() {
        return providers.stream()
                .filter(p -> p.enabled() && p.type() != AuthProviderType.NONE)
                .sorted(Comparator.comparingInt(AuthProviderConfig::priority))
                .toList();
    }
}

package io.bifrost.core.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code auth} ([CFG-110], [SEC-030]-[SEC-035]), including the legacy layouts it refuses with a hint. */
final class AuthReader {
    private static final List<String> LEGACY_KEYS = List.of("native", "system", "ldap", "oauth");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final int MIN_RECOMMENDED_COST = 10;

    /** A provider and the node it was read from, for warnings at its path. */
    private record Read(AuthProviderConfig provider, ConfigNode node) {}

    private AuthReader() {}

    static AuthConfig read(ConfigNode auth) {
        if (auth.has("mode")) {
            auth.get("mode").error("no longer supported; list providers under auth.providers");
        }
        for (String key : LEGACY_KEYS) {
            if (auth.has(key)) {
                ConfigNode legacy = auth.get(key);
                legacy.error("no longer supported; move it to auth.providers[].config");
                legacy.skip();
            }
        }
        ConfigNode negotiate = auth.map("negotiate");
        if (negotiate.bool("enabled", false)) {
            negotiate.get("enabled").error("Negotiate authentication is not available in this version");
        }
        Map<String, Object> negotiateRaw = negotiate.rawMap();
        List<Read> providers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode entry : auth.list("providers")) {
            AuthProviderConfig provider = provider(entry.expectMap(), names);
            if (provider != null) {
                providers.add(new Read(provider, entry));
            }
        }
        warnIgnoredNoneProviders(providers);
        return new AuthConfig(providers.stream().map(Read::provider).toList(), negotiateRaw);
    }

    private static AuthProviderConfig provider(ConfigNode p, Set<String> names) {
        if (!(p.value() instanceof Map<?, ?>)) {
            return null;
        }
        for (String key : LEGACY_KEYS) {
            if (p.has(key)) {
                ConfigNode legacy = p.get(key);
                legacy.error("no longer supported; use " + p.path() + ".config");
                legacy.skip();
            }
        }
        String name = Names.readRequired(p, "provider", Set.of(), names);
        boolean enabled = p.bool("enabled", true);
        int priority = p.integer("priority", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        AuthProviderType type = type(p.get("type"), enabled);
        ConfigNode config = p.map("config");
        Map<String, Object> raw = config.snapshot();
        List<NativeUser> users = List.of();
        if (type == AuthProviderType.NATIVE) {
            users = users(config.list("users"));
        } else if (type != AuthProviderType.NONE) {
            config.rawMap();
        }
        if (name == null || type == null) {
            return null;
        }
        return new AuthProviderConfig(name, type, enabled, priority, users, raw);
    }

    private static AuthProviderType type(ConfigNode node, boolean enabled) {
        String text = node.asString();
        if (text == null) {
            if (!node.isPresent()) {
                node.error("required");
            }
            return null;
        }
        if (text.equals("ntlm")) {
            node.error("ntlm is not supported");
            return null;
        }
        AuthProviderType type = AuthProviderType.parse(text).orElse(null);
        if (type == null) {
            node.error("unknown provider type \"" + text + "\"; expected one of none, native");
        } else if (!type.isSupported() && enabled) {
            node.error("provider type \"" + text + "\" is not available in this version");
        }
        return type;
    }

    private static List<NativeUser> users(List<ConfigNode> entries) {
        List<NativeUser> users = new ArrayList<>();
        Set<String> usernames = new HashSet<>();
        for (ConfigNode entry : entries) {
            ConfigNode u = entry.expectMap();
            if (!(u.value() instanceof Map<?, ?>)) {
                continue;
            }
            ConfigNode usernameNode = u.get("username");
            String username = usernameNode.asString();
            if (username == null && !usernameNode.isPresent()) {
                usernameNode.error("required");
            } else if (username != null && !usernames.add(username)) {
                usernameNode.error("duplicate username \"" + username + "\"");
            }
            String hash = passwordHash(u.get("password_hash"));
            NativeUser user = new NativeUser(username == null ? "" : username, hash == null ? "" : hash,
                    u.strings("groups"), u.string("email", ""), u.string("full_name", ""), u.bool("disabled", false));
            if (username != null && hash != null) {
                users.add(user);
            }
        }
        return users;
    }

    /** A bcrypt hash of [CFG-070]; the value is a secret, so messages never quote it. */
    private static String passwordHash(ConfigNode node) {
        String hash = node.asString();
        if (hash == null) {
            if (!node.isPresent()) {
                node.error("required");
            }
            return null;
        }
        Matcher m = BCRYPT.matcher(hash);
        int cost = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        if (cost < 4 || cost > 31) {
            node.error("must be a bcrypt hash ($2a$, $2b$ or $2y$, cost 04-31, 60 characters)");
            return null;
        }
        if (cost < MIN_RECOMMENDED_COST) {
            node.warning("bcrypt cost " + m.group(1) + " is below " + MIN_RECOMMENDED_COST
                    + "; hashes this cheap can be brute-forced");
        }
        return hash;
    }

    /** [SEC-031]: an enabled {@code none} provider next to other enabled providers is ignored. */
    private static void warnIgnoredNoneProviders(List<Read> providers) {
        boolean othersEnabled = providers.stream()
                .anyMatch(r -> r.provider().enabled() && r.provider().type() != AuthProviderType.NONE);
        for (Read r : providers) {
            AuthProviderConfig p = r.provider();
            if (othersEnabled && p.enabled() && p.type() == AuthProviderType.NONE) {
                r.node().warning("provider \"" + p.name() + "\" of type none is ignored because other providers "
                        + "are enabled");
            }
        }
    }
}

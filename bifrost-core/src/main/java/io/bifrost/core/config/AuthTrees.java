package io.bifrost.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of {@code auth} ([SAPI-170]): providers with their {@code config}; native users normalised. */
final class AuthTrees {
    private AuthTrees() {}

    static Map<String, Object> auth(AuthConfig auth) {
        List<Object> providers = new ArrayList<>();
        for (AuthProviderConfig p : auth.providers()) {
            providers.add(provider(p));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("providers", providers);
        if (!auth.negotiate().isEmpty()) {
            m.put("negotiate", ServerConfigTree.copy(auth.negotiate()));
        }
        return m;
    }

    private static Map<String, Object> provider(AuthProviderConfig p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("type", p.type().wireName());
        m.put("enabled", p.enabled());
        m.put("priority", (long) p.priority());
        m.put("config", config(p));
        return m;
    }

    /** As written, except that a native provider's {@code users} are listed in their read form ([SEC-032]). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(AuthProviderConfig p) {
        Map<String, Object> m = (Map<String, Object>) ServerConfigTree.copy(p.rawConfig());
        if (p.type() == AuthProviderType.NATIVE) {
            List<Object> users = new ArrayList<>();
            p.users().forEach(u -> users.add(user(u)));
            m.put("users", users);
        }
        return m;
    }

    /** {@code email} and {@code full_name} only when set, as the example of [SAPI-170] shows a user. */
    private static Map<String, Object> user(NativeUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("password_hash", u.passwordHash());
        m.put("groups", new ArrayList<Object>(u.groups()));
        if (!u.email().isEmpty()) {
            m.put("email", u.email());
        }
        if (!u.fullName().isEmpty()) {
            m.put("full_name", u.fullName());
        }
        m.put("disabled", u.disabled());
        return m;
    }
}

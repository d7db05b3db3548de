package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which configuration values are secrets ([SEC-080]) and the masked view of a tree that management APIs return.
 * Stateless and thread-safe.
 */
public final class ConfigSecrets {
    /** What a non-empty secret looks like in a masked view; a save receiving it keeps the stored value. */
    public static final String MASK = "********";

    private static final Set<String> SECRET_KEYS = Set.of("password", "password_hash", "token", "access_token",
            "private_key", "preshared_key", "bind_password", "client_secret", "hmac_secret", "key_hash", "key_plain",
            "keytab_base64");
    private static final Set<List<String>> FIXED_PATHS = Set.of(
            List.of("api", "token"),
            List.of("session", "redis", "password"),
            List.of("server", "password"),
            List.of("servers", "password"),
            List.of("mesh", "discovery", "token"),
            List.of("mesh", "security", "private_key"),
            List.of("mesh", "turn", "servers", "password"));

    private ConfigSecrets() {}

    /**
     * Whether a key inside a backend's or auth provider's {@code config} names a secret: {@code password},
     * {@code token}, ... or any name ending in {@code _secret} or {@code _password}.
     */
    public static boolean isSecretKey(String key) {
        requireNonNull(key, "key");
        return SECRET_KEYS.contains(key) || key.endsWith("_secret") || key.endsWith("_password");
    }

    /**
     * Whether the value at {@code path} (the form of [CFG-060], e.g. {@code backends[0].config.password}) is a secret
     * of either program's file.
     */
    public static boolean isSecret(String path) {
        requireNonNull(path, "path");
        return isSecret(Arrays.asList(path.replaceAll("\\[\\d+]", "").split("\\.")));
    }

    /** {@code keys}: the mapping keys from the root, list positions left out. */
    private static boolean isSecret(List<String> keys) {
        if (FIXED_PATHS.contains(keys)) {
            return true;
        }
        String last = keys.get(keys.size() - 1);
        boolean inBackendConfig = keys.size() >= 3 && keys.get(0).equals("backends") && keys.get(1).equals("config");
        boolean inProviderConfig = keys.size() >= 4 && keys.get(0).equals("auth") && keys.get(1).equals("providers")
                && keys.get(2).equals("config");
        return (inBackendConfig || inProviderConfig) && isSecretKey(last);
    }

    /**
     * Whether a tree as written (before {@code ${NAME}} expansion) holds a secret in clear: a non-empty secret value
     * with no environment reference in it ([SEC-090], the file-permission warning).
     */
    public static boolean hasLiteralSecret(Object tree) {
        return hasLiteralSecret(tree, new ArrayList<>());
    }

    private static boolean hasLiteralSecret(Object node, List<String> keys) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                keys.add(String.valueOf(e.getKey()));
                Object v = e.getValue();
                boolean literal = isSecret(keys) && v != null && !(v instanceof Map || v instanceof List)
                        && !String.valueOf(v).isEmpty() && !String.valueOf(v).contains("${");
                boolean found = literal || hasLiteralSecret(v, keys);
                keys.remove(keys.size() - 1);
                if (found) {
                    return true;
                }
            }
        } else if (node instanceof List<?> list) {
            for (Object e : list) {
                if (hasLiteralSecret(e, keys)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A deep copy of a plain tree in which every non-empty secret is {@link #MASK}; the input is not modified. */
    public static Object mask(Object tree) {
        return mask(tree, new ArrayList<>());
    }

    private static Object mask(Object node, List<String> keys) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                keys.add(String.valueOf(k));
                boolean secret = isSecret(keys) && v != null && !"".equals(v);
                copy.put(String.valueOf(k), secret ? MASK : mask(v, keys));
                keys.remove(keys.size() - 1);
            });
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(e -> copy.add(mask(e, keys)));
            return copy;
        }
        return node;
    }
}

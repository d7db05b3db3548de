package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

/**
 * Turns a plain tree into a {@link ClientConfig} ([CFG-150]-[CFG-163]) with the procedure of [CFG-030]; every problem
 * is collected in file order ([CFG-060], [CFG-071]). Stateless and thread-safe; never throws for bad input.
 */
public final class ClientConfigReader {
    private ClientConfigReader() {}

    /**
     * Reads a client configuration tree.
     *
     * @param tree the parsed file; {@code null} (an empty document) reads as an empty mapping
     * @return the configuration (null when there is an error) and every problem
     */
    public static ConfigResult<ClientConfig> read(Object tree, EnvLookup env) {
        requireNonNull(env, "env");
        ReadContext ctx = new ReadContext(tree);
        EnvExpander.Result expanded = EnvExpander.expand(tree, env);
        expanded.problems().forEach(ctx::report);
        ConfigNode root = ctx.root(expanded.tree()).expectMap();
        ClientConfig config = sections(root);
        ExposureChecks.client(config, ctx);
        return ConfigResult.of(config, ctx.finish());
    }

    /** Reads {@code tree} with the process environment. */
    public static ConfigResult<ClientConfig> read(Object tree) {
        return read(tree, EnvLookup.system());
    }

    private static ClientConfig sections(ConfigNode root) {
        UpstreamServerConfig server = ClientSectionsReader.server(root.map("server"));
        var servers = ClientSectionsReader.servers(root.get("servers"));
        // an address that is written but invalid already has its error; do not add "no server configured" to it
        boolean addressWritten = root.map("server").get("address").value() instanceof String a && !a.isEmpty();
        boolean hasUpstream = addressWritten || !servers.isEmpty();
        return new ClientConfig(
                ListenerReader.client(root.map("proxy")),
                server,
                servers,
                ClientSectionsReader.routes(root.get("routes"), hasUpstream),
                ClientSectionsReader.debug(root.map("debug")),
                ServiceReader.logging(root.map("logging")),
                ServiceReader.webUi(root.map("web_ui"), WebUiConfig.clientDefaults(), false),
                ServiceReader.api(root.map("api"), ApiConfig.clientDefaults(), false),
                ClientSectionsReader.tray(root.map("tray")),
                ServiceReader.autoUpdate(root.map("auto_update")),
                ServiceReader.laterPhase(root.map("system_proxy"), false, ServiceReader.Problem.WARNING,
                        "system proxy configuration is not available in this version"),
                ServiceReader.laterPhase(root.map("vpn"), false, ServiceReader.Problem.ERROR,
                        "VPN mode is not available in this version", "tun", "split_tunnel", "dns"),
                ServiceReader.laterPhase(root.map("mesh"), false, ServiceReader.Problem.ERROR,
                        "mesh networking is not available in this version", "network_id", "network_cidr",
                        "peer_name", "device", "discovery", "stun", "turn", "connection", "security"));
    }
}

package io.bifrost.adapters.vertx.server;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.net.IpAddress;
import io.bifrost.core.policy.OpenProxyCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * The exposure conditions of [SEC-090] that depend on the host's addresses, for {@code validate}: the open-proxy rule
 * that start-up applies ({@link BifrostServer#start}), reported with the same message but always as a warning, since
 * {@code validate} may run on another host than the server ([SEC-090], [CFG-202]: a valid file exits 0). The
 * host-independent exposure warnings come with loading. Stateless.
 */
public final class HostExposure {
    private HostExposure() {}

    /**
     * {@code loaded} with a warning for every proxy listener that would be an open proxy on a public address of a
     * host with {@code hostAddresses}; an invalid result is returned as it is.
     */
    public static ConfigResult<ServerConfig> withWarnings(ConfigResult<ServerConfig> loaded,
            List<IpAddress> hostAddresses) {
        requireNonNull(loaded, "loaded");
        requireNonNull(hostAddresses, "hostAddresses");
        if (!loaded.isValid()) {
            return loaded;
        }
        ServerConfig config = loaded.config();
        List<ConfigProblem> problems = new ArrayList<>(loaded.problems());
        new OpenProxyCheck(StartupChecks.proxySockets(config), config.auth().authenticationRequired(),
                config.accessControl().whitelist(), config.server().allowOpenProxy(), hostAddresses)
                .publicAddressFindings()
                .forEach(f -> problems.add(ConfigProblem.warning(f.path(), f.message())));
        return ConfigResult.of(config, problems);
    }
}

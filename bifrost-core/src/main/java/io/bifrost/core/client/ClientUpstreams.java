package io.bifrost.core.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.NamedServerConfig;
import io.bifrost.core.config.UpstreamServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The upstreams of a client configuration and which one is active ([CAPI-040]): an element named {@code default} for
 * the {@code server} section when {@code server.address} is set, then every {@code servers[]} entry in file order.
 * The active upstream is the entry with {@code is_default: true}, else {@code default}, else the first entry; with
 * neither there is none (a direct-only client). Immutable and thread-safe.
 */
public final class ClientUpstreams {
    /** The name of the {@code server} section among the upstreams (reserved as a {@code servers[]} name). */
    public static final String DEFAULT_NAME = "default";

    private final List<UpstreamServer> all;
    private final UpstreamServer active;

    private ClientUpstreams(List<UpstreamServer> all, UpstreamServer active) {
        this.all = List.copyOf(all);
        this.active = active;
    }

    public static ClientUpstreams of(ClientConfig config) {
        requireNonNull(config, "config");
        List<UpstreamServer> all = new ArrayList<>();
        UpstreamServerConfig server = config.server();
        if (server.address() != null) {
            all.add(new UpstreamServer(DEFAULT_NAME, server.address(), server.protocol(), server.username(),
                    server.password(), false));
        }
        UpstreamServer chosen = null;
        for (NamedServerConfig s : config.servers()) {
            UpstreamServer u = new UpstreamServer(s.name(), s.address(), s.protocol(), s.username(), s.password(),
                    s.isDefault());
            all.add(u);
            if (u.isDefault() && chosen == null) {
                chosen = u;
            }
        }
        if (chosen == null && !all.isEmpty()) {
            chosen = all.get(0); // "default" when server.address is set, else the first servers[] entry
        }
        return new ClientUpstreams(all, chosen);
    }

    /** {@code default} (when configured) first, then {@code servers[]} in file order. */
    public List<UpstreamServer> all() {
        return all;
    }

    /** The upstream the {@code server} action uses now; empty for a direct-only client. */
    public Optional<UpstreamServer> active() {
        return Optional.ofNullable(active);
    }

    public Optional<UpstreamServer> find(String name) {
        requireNonNull(name, "name");
        return all.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /** Whether {@code name} is the active upstream. */
    public boolean isActive(String name) {
        return active != null && active.name().equals(name);
    }
}

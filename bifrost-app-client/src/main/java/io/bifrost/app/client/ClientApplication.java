package io.bifrost.app.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.client.BifrostClient;
import io.bifrost.adapters.vertx.runtime.RunningApplication;
import io.bifrost.adapters.vertx.runtime.logging.LogSetup;
import io.bifrost.core.config.ClientConfig;
import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running client process: the embeddable {@link BifrostClient} plus what only an application does around it,
 * the start-up log lines, the reload on SIGHUP ([CFG-085]: routes, server, servers, debug and logging apply live)
 * and the stop with the fixed grace period of [PRX-113]. Thread-safe.
 */
public final class ClientApplication implements RunningApplication {
    private static final Logger LOG = LoggerFactory.getLogger(ClientApplication.class);

    private final BifrostClient client;
    private final Path workingDir;
    private final AtomicReference<ClientConfig> logging;

    @Inject
    ClientApplication(BifrostClient client, ClientConfig config, @WorkingDir Path workingDir) {
        this.client = requireNonNull(client, "client");
        this.workingDir = requireNonNull(workingDir, "workingDir");
        this.logging = new AtomicReference<>(requireNonNull(config, "config"));
        client.control().onApplied(this::applyLogging);
    }

    /** Binds the listeners and logs each one's actual address; fails with the client's start-up message. */
    @Override
    public Future<Void> start() {
        return client.start().onSuccess(started -> logStarted()).mapEmpty();
    }

    private void logStarted() {
        client.httpAddress().ifPresent(a -> LOG.info("HTTP proxy listening on {}", text(a)));
        client.socks5Address().ifPresent(a -> LOG.info("SOCKS5 proxy listening on {}", text(a)));
        client.apiAddress().ifPresent(a -> LOG.info("management API listening on http://{}/api/v1", text(a)));
        var active = client.control().activeServer();
        if (active.isPresent()) {
            LOG.info("server: {} ({}, {})", active.get().name(), active.get().address(),
                    active.get().protocol().wireName());
        } else {
            LOG.info("no server configured: every request goes direct");
        }
    }

    @Override
    public Future<Void> stop() {
        return client.stop();
    }

    @Override
    public Duration gracePeriod() {
        return BifrostClient.GRACE_PERIOD;
    }

    @Override
    public void closeRemainingConnections() {
        client.closeAllConnections();
    }

    /** SIGHUP: re-read the file; hot fields apply, the others are reported ([CFG-085]). */
    @Override
    public void reload() {
        client.control().reload()
                .onSuccess(applied -> {
                    applied.warnings().forEach(w -> LOG.warn("{}", w));
                    LOG.info("configuration reloaded{}", applied.restartFields().isEmpty() ? ""
                            : "; restart required for " + String.join(", ", applied.restartFields()));
                })
                .onFailure(e -> {
                    LOG.error("configuration reload failed, nothing changed: {}", e.getMessage());
                    if (e instanceof io.bifrost.adapters.vertx.control.ControlException c) {
                        c.problems().forEach(p -> LOG.error("{}", p));
                    }
                });
    }

    /** Logging is hot ([CFG-085]); runs on a worker thread, as {@link LogSetup} may open files. */
    private void applyLogging(ClientConfig running) {
        if (!logging.getAndSet(running).logging().equals(running.logging())) {
            LogSetup.apply(running.logging(), workingDir);
        }
    }

    public Optional<SocketAddress> httpAddress() {
        return client.httpAddress();
    }

    public Optional<SocketAddress> socks5Address() {
        return client.socks5Address();
    }

    public BifrostClient client() {
        return client;
    }

    /** {@code 127.0.0.1:7380}, {@code [::1]:7380}. */
    static String text(SocketAddress address) {
        String host = address.host();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.port();
    }
}

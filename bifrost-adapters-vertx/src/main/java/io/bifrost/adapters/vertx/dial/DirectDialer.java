package io.bifrost.adapters.vertx.dial;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.net.StreamSocket;
import io.bifrost.core.net.IpAddress;
import io.bifrost.core.traffic.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code direct} backend ([BKD-031]): resolves names asynchronously (never on a blocking call), orders the
 * addresses by family, drops those the destination policy refuses, and tries them in turn until one connects, all
 * within one connect timeout. Sockets get {@code TCP_NODELAY}, the configured keep-alive and source address.
 */
public final class DirectDialer implements UpstreamDialer {
    private final Vertx vertx;
    private final DirectDialSettings settings;
    private final AddressPolicy policy;
    private final NetClient client;

    public DirectDialer(Vertx vertx, DirectDialSettings settings, AddressPolicy policy) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.settings = requireNonNull(settings, "settings");
        this.policy = requireNonNull(policy, "policy");
        NetClientOptions options = new NetClientOptions().setTcpNoDelay(true);
        if (!settings.keepAlive().isZero()) {
            options.setTcpKeepAlive(true)
                    .setTcpKeepAliveIdleSeconds((int) Math.max(1, settings.keepAlive().toSeconds()));
        }
        if (settings.localAddress() != null) {
            options.setLocalAddress(settings.localAddress().toString());
        }
        this.client = vertx.createNetClient(options);
    }

    @Override
    public Future<Upstream> dial(DialTarget target) {
        long deadline = System.nanoTime() + settings.connectTimeout().toNanos();
        Future<Upstream> work = addresses(target)
                .compose(addresses -> permitted(addresses, target))
                .compose(addresses -> connectFirst(addresses, 0, target, deadline, null))
                .map(socket -> new Upstream(StreamSocket.wrap(socket).pause(), Buffer.buffer(), socket.localAddress()));
        return Deadline.bound(vertx, settings.connectTimeout(), work, up -> up.socket().close(),
                () -> new DialFailure(ErrorCode.CONNECTION_TIMEOUT, "connection to \"" + target + "\" timed out"));
    }

    private Future<List<IpAddress>> addresses(DialTarget target) {
        if (target.host().isIp()) {
            return Future.succeededFuture(List.of(target.host().ip()));
        }
        String name = target.host().text();
        return ((VertxInternal) vertx).nameResolver().resolveAll(name)
                .recover(e -> Future.failedFuture(ConnectFailures.classifyLookup(e, name)))
                .map(this::ordered)
                .compose(list -> list.isEmpty()
                        ? Future.failedFuture(new DialFailure(ErrorCode.DNS_ERROR,
                                "no usable address for host \"" + name + "\""))
                        : Future.succeededFuture(list));
    }

    /** [BKD-031] step 2: IPv4 only when IPv6 is off; otherwise IPv4 first unless IPv6 is preferred. */
    private List<IpAddress> ordered(List<InetSocketAddress> resolved) {
        List<IpAddress> out = new ArrayList<>();
        for (InetSocketAddress a : resolved) {
            IpAddress ip = IpAddress.of(a.getAddress());
            if ((settings.ipv6() || ip.isV4()) && !out.contains(ip)) {
                out.add(ip);
            }
        }
        out.sort(Comparator.comparing(ip -> ip.isV4() == settings.preferIpv6())); // stable: resolver order kept
        return out;
    }

    private Future<List<IpAddress>> permitted(List<IpAddress> addresses, DialTarget target) {
        List<IpAddress> allowed = addresses.stream().filter(a -> policy.allowed(a, target.port())).toList();
        if (allowed.isEmpty()) {
            return Future.failedFuture(new DialFailure(ErrorCode.DESTINATION_PROHIBITED,
                    "destination \"" + target + "\" is not allowed (it resolves to " + addresses.get(0) + ")"));
        }
        return Future.succeededFuture(allowed);
    }

    private Future<NetSocket> connectFirst(List<IpAddress> addresses, int index, DialTarget target, long deadline,
            DialFailure last) {
        long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
        if (index == addresses.size() || remainingMs <= 0) {
            return Future.failedFuture(last != null ? last
                    : new DialFailure(ErrorCode.CONNECTION_TIMEOUT, "connection to \"" + target + "\" timed out"));
        }
        IpAddress address = addresses.get(index);
        ConnectOptions options = new ConnectOptions()
                .setRemoteAddress(SocketAddress.inetSocketAddress(
                        new InetSocketAddress(address.toInetAddress(), target.port())))
                .setTimeout((int) Math.min(Integer.MAX_VALUE, remainingMs));
        return client.connect(options).recover(e -> connectFirst(addresses, index + 1, target, deadline,
                ConnectFailures.classify(e, "\"" + target + "\"")));
    }
}

package io.bifrost.adapters.vertx.dial;

import io.bifrost.core.net.IpAddress;

/**
 * Decides whether a resolved address may be dialed ([SEC-060], [BKD-031] step 4): the destination policy applied
 * after DNS, so a name that resolves to loopback cannot reach the server host.
 */
@FunctionalInterface
public interface AddressPolicy {
    AddressPolicy ALLOW_ALL = (address, port) -> true;

    boolean allowed(IpAddress address, int port);
}

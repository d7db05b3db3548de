package io.bifrost.adapters.vertx.proxy;

/** A client connection as graceful shutdown ([PRX-110]) and the management API ([SAPI-222]) see it. */
public interface DrainableConnection {

    /**
     * Close now if idle; otherwise finish the current request with {@code Connection: close}. Any thread; from the
     * moment it returns, a request that has not started is refused. Idempotent.
     */
    void drain();

    /** Close the client and upstream sockets now. Any thread. */
    void forceClose();
}

package io.bifrost.adapters.vertx.runtime;

import java.util.Properties;

/**
 * JVM-wide settings that the runnable jars choose for their own process, before any Netty class is loaded. A library
 * does not touch process-wide settings, so embedders are left to choose them: each constant says what it buys.
 */
public final class ProcessDefaults {
    /**
     * Netty's buffer pool gives up pooling buffers above 256 KiB when the heap limit is 512 MiB or less (its "low
     * memory" mode), which is how Bifrost is often run. A tunnel or a response body then reads into a fresh 1 MiB
     * direct buffer ({@code Tunnel.LARGEST_READ}) that the JVM zero-fills and the kernel maps page by page, and frees
     * it after the write. Measured on loopback (512 MiB heap, one server, CONNECT, warm JVMs): pooling them takes 14 %
     * off the event loops' CPU per relayed byte and costs about 15 MiB of resident memory.
     */
    static final String NETTY_LOW_MEMORY = "io.netty.allocator.lowMemory";

    private ProcessDefaults() {}

    /** Applies the defaults to this process; a value the user set on the command line ({@code -D}) wins. */
    public static void apply() {
        apply(System.getProperties());
    }

    static void apply(Properties properties) {
        properties.putIfAbsent(NETTY_LOW_MEMORY, "false");
    }
}

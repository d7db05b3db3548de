package io.bifrost.adapters.vertx.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BifrostVertxTest {

    /** Without the epoll jar on the class path Vert.x silently falls back to NIO (dependencies.md, gotcha 4). */
    @Test
    void create_onLinuxX8664_usesTheNativeTransport() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")), "epoll is Linux-only");
        Vertx vertx = BifrostVertx.create();
        try {
            assertThat(vertx.isNativeTransportEnabled()).isTrue();
        } finally {
            vertx.close().await();
        }
    }
}

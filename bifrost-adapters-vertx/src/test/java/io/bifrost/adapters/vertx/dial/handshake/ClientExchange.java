package io.bifrost.adapters.vertx.dial.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Test driver: plays the driver's part for one {@link UpstreamHandshake}, feeding the upstream's bytes in given
 * chunks. Records what the handshake wrote and how it ended.
 */
final class ClientExchange {

    /**
     * {@code written} as hex; {@code ending} "established ..." / "failed KIND: message" / "pending"; {@code leftover}
     * the tunnel bytes: the result's leftover followed by the chunks the relay would read after it.
     */
    record Result(String written, String ending, String leftover, UpstreamHandshakeException failure) {
        /**
         * The failure object itself never compares equal, so it is left out. So is {@code written} after a failure:
         * when replies arrive ahead of the requests they answer (all in one read), a failure drops requests that were
         * produced but never handed out, which is right (the connection is closed) but depends on the split.
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Result that && ending.equals(that.ending) && leftover.equals(that.leftover)
                    && (failure != null || written.equals(that.written));
        }

        @Override
        public int hashCode() {
            return ending.hashCode();
        }
    }

    private ClientExchange() {}

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    static String hexOf(Buffer buffer) {
        return HexFormat.of().formatHex(buffer.getBytes());
    }

    static String hexOf(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(StandardCharsets.UTF_8));
    }

    /** The same exchange for every way of cutting the upstream's bytes in two, and one byte at a time. */
    static Result runAllSplits(Supplier<UpstreamHandshake> handshakes, byte[] upstream) {
        Result whole = run(handshakes.get(), List.of(upstream));
        for (int cut = 1; cut < upstream.length; cut++) {
            List<byte[]> chunks = List.of(Arrays.copyOfRange(upstream, 0, cut),
                    Arrays.copyOfRange(upstream, cut, upstream.length));
            assertThat(run(handshakes.get(), chunks)).as("cut at %d", cut).isEqualTo(whole);
        }
        List<byte[]> single = new ArrayList<>();
        for (byte b : upstream) {
            single.add(new byte[] {b});
        }
        assertThat(run(handshakes.get(), single)).as("one byte at a time").isEqualTo(whole);
        return whole;
    }

    static Result runAllSplits(Supplier<UpstreamHandshake> handshakes, String upstreamAscii) {
        return runAllSplits(handshakes, upstreamAscii.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Result run(UpstreamHandshake handshake, List<byte[]> chunks) {
        Buffer written = Buffer.buffer().appendBuffer(handshake.start());
        for (int i = 0; i < chunks.size(); i++) {
            UpstreamHandshakeStep step = handshake.feed(Buffer.buffer(chunks.get(i)));
            if (step instanceof UpstreamHandshakeStep.Continue next) {
                written.appendBuffer(next.toWrite());
            } else if (step instanceof UpstreamHandshakeStep.Established established) {
                written.appendBuffer(established.toWrite());
                assertThat(handshake.bytesWritten()).isEqualTo(written.length());
                Buffer tunnel = established.result().leftover().copy();
                chunks.subList(i + 1, chunks.size()).forEach(later -> tunnel.appendBytes(later));  // the relay's reads
                return new Result(hexOf(written), "established " + describe(established.result()), hexOf(tunnel),
                        null);
            } else if (step instanceof UpstreamHandshakeStep.Failed failed) {
                UpstreamHandshakeException failure = failed.failure();
                return new Result(hexOf(written), "failed " + failure.kind() + ": " + failure.getMessage(), "",
                        failure);
            }
        }
        return new Result(hexOf(written), "pending", "", null);
    }

    private static String describe(HandshakeResult result) {
        if (result instanceof HandshakeResult.HttpTunnel http) {
            return "http " + http.status();
        }
        if (result instanceof HandshakeResult.Socks5Tunnel socks) {
            return "socks5 bound " + socks.bound().address().getClass().getSimpleName() + " " + socks.bound();
        }
        throw new AssertionError(result);
    }
}

package io.bifrost.adapters.vertx.proxy.socks5;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Test driver: plays the listener's part for one {@link Socks5ServerHandshake}, feeding the client's bytes in given
 * chunks and answering credential checks with a verdict. Records what would go on the wire and how it ended.
 */
final class ServerExchange {

    /** How the exchange ended, with {@code toWrite} folded into {@link #written}. */
    record Result(String written, String ending, List<String> verified, String remaining) {}

    private ServerExchange() {}

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    static String hexOf(Buffer buffer) {
        return HexFormat.of().formatHex(buffer.getBytes());
    }

    /** The same exchange for every way of cutting the input in two, and one byte at a time; all must agree. */
    static Result runAllSplits(Socks5Admission admission, byte[] input, BiPredicate<String, String> verdict) {
        Result whole = run(admission, List.of(input), verdict);
        for (int cut = 1; cut < input.length; cut++) {
            byte[] head = java.util.Arrays.copyOfRange(input, 0, cut);
            byte[] tail = java.util.Arrays.copyOfRange(input, cut, input.length);
            assertThat(run(admission, List.of(head, tail), verdict)).as("cut at %d", cut).isEqualTo(whole);
        }
        List<byte[]> single = new ArrayList<>();
        for (byte b : input) {
            single.add(new byte[] {b});
        }
        assertThat(run(admission, single, verdict)).as("one byte at a time").isEqualTo(whole);
        return whole;
    }

    static Result runAllSplits(Socks5Admission admission, byte[] input) {
        return runAllSplits(admission, input, (user, password) -> {
            throw new AssertionError("no verification expected, got user " + user);
        });
    }

    static Result run(Socks5Admission admission, List<byte[]> chunks, BiPredicate<String, String> verdict) {
        Socks5ServerHandshake handshake = new Socks5ServerHandshake(admission);
        Buffer written = Buffer.buffer();
        List<String> verified = new ArrayList<>();
        String ending = "pending";
        for (byte[] chunk : chunks) {
            Socks5ServerStep step = handshake.feed(Buffer.buffer(chunk));
            while (step instanceof Socks5ServerStep.VerifyCredentials check) {
                written.appendBuffer(check.toWrite());
                verified.add(check.username() + ":" + check.password());
                step = verdict.test(check.username(), check.password())
                        ? handshake.credentialsAccepted() : handshake.credentialsRejected();
            }
            written.appendBuffer(step.toWrite());
            if (!(step instanceof Socks5ServerStep.Continue)) {
                ending = describe(step);
            }
            if (step instanceof Socks5ServerStep.Close || step instanceof Socks5ServerStep.ReplyAndClose) {
                break;
            }
        }
        String remaining = ending.startsWith("connect") ? hexOf(handshake.takeRemaining()) : "";
        assertThat(handshake.bytesWritten()).as("bytesWritten").isEqualTo(written.length());
        return new Result(hexOf(written), ending, verified, remaining);
    }

    private static String describe(Socks5ServerStep step) {
        if (step instanceof Socks5ServerStep.Connect connect) {
            Socks5Endpoint destination = connect.destination();
            return "connect " + destination.address().getClass().getSimpleName() + " " + destination;
        }
        if (step instanceof Socks5ServerStep.ReplyAndClose refusal) {
            Socks5RequestSummary request = refusal.request();
            return "reply+close " + refusal.reason() + " " + request.method() + " '" + request.host() + "' "
                    + request.port();
        }
        if (step instanceof Socks5ServerStep.Close close) {
            return "close " + close.reason();
        }
        throw new AssertionError("unexpected step " + step);
    }
}

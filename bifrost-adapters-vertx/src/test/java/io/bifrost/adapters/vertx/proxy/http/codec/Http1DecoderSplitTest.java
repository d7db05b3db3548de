package io.bifrost.adapters.vertx.proxy.http.codec;

import static io.bifrost.adapters.vertx.proxy.http.codec.Recorder.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Property: however the input is split, the decoder reports the same events and keeps the same bytes. */
class Http1DecoderSplitTest {

    /** {@code lastEvent}: how the whole-input reference run must end, so a scenario cannot silently test nothing. */
    record Scenario(String name, Supplier<Recorder<?>> recorder, String input, boolean thenInputEnded,
            String lastEvent) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> scenarios() {
        Supplier<Recorder<?>> requests = () -> Recorder.requests().autoResume();
        Supplier<Recorder<?>> responses = () -> Recorder.responses().autoResume();
        Supplier<Recorder<?>> headResponses = () -> {
            Recorder<ResponseHead> r = Recorder.responses().autoResume();
            r.decoder.expectResponseTo("HEAD");
            return r;
        };
        return Stream.of(
                new Scenario("pipelined requests with every framing", requests,
                        "\r\nGET http://a/ HTTP/1.1\r\nHost: a\r\nX-Multi: 1\r\nx-multi: 2\r\n\r\n"
                                + "POST http://a/p HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello world"
                                + "PUT http://a/c HTTP/1.1\nTransfer-Encoding: chunked\n\n"
                                + "4;ext=1;q=\"x;y\"\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n"
                                + "0\r\nT: v\r\n\r\n"
                                + "GET http://a/last HTTP/1.0\r\n\r\n",
                        true, "input-end"),
                new Scenario("CONNECT with early data", requests,
                        "CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n\u0016\u0003\u0001\u0000\u00a5early",
                        false, "end"),
                new Scenario("request error after a body", requests,
                        "POST http://a/ HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
                                + "GET http://a/ HTTP/1.1\r\nBad Name: x\r\n\r\n",
                        false, "error MALFORMED invalid header field name"),
                new Scenario("request truncated in a chunk", requests,
                        "POST http://a/ HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly part",
                        true, "error TRUNCATED"),
                new Scenario("request line too long", () -> Recorder.requests(new Http1Limits(40, 200, 5, 20)),
                        "GET http://a/" + "x".repeat(60) + " HTTP/1.1\r\n\r\n", false, "error URI_TOO_LONG"),
                new Scenario("informational, final, close-delimited", responses,
                        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Hints\r\nLink: <x>\r\n\r\n"
                                + "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody"
                                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                                + "HTTP/1.1 500 Oops\r\n\r\nuntil the end",
                        true, "input-end"),
                new Scenario("HEAD then a normal response", headResponses,
                        "HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"
                                + "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno",
                        false, "end"),
                new Scenario("101 then raw", responses,
                        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n\u0000\u00ff raw bytes", false, "end"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void feed_splitAnywhereInTwo_sameEventsAsOneFeed(Scenario scenario) {
        Outcome expected = run(scenario, List.of(scenario.input()));
        assertThat(expected.events()).last().asString().startsWith(scenario.lastEvent());

        for (int i = 0; i <= scenario.input().length(); i++) {
            List<String> pieces = List.of(scenario.input().substring(0, i), scenario.input().substring(i));
            assertThat(run(scenario, pieces)).as("split at %d", i).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void feed_oneByteAtATime_sameEventsAsOneFeed(Scenario scenario) {
        Outcome expected = run(scenario, List.of(scenario.input()));

        List<String> pieces = scenario.input().chars().mapToObj(c -> String.valueOf((char) c)).toList();

        assertThat(run(scenario, pieces)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void feed_splitAnywhereInThree_sameEventsAsOneFeed(Scenario scenario) {
        Outcome expected = run(scenario, List.of(scenario.input()));
        String input = scenario.input();

        for (int i = 0; i <= input.length(); i += 3) {
            for (int j = i; j <= input.length(); j++) {
                List<String> pieces = List.of(input.substring(0, i), input.substring(i, j), input.substring(j));
                assertThat(run(scenario, pieces)).as("split at %d and %d", i, j).isEqualTo(expected);
            }
        }
    }

    record Outcome(List<String> events, long bufferedBytes) {}

    private static Outcome run(Scenario scenario, List<String> pieces) {
        Recorder<?> recorder = scenario.recorder().get();
        for (String piece : pieces) {
            recorder.decoder.feed(bytes(piece));
        }
        if (scenario.thenInputEnded()) {
            recorder.decoder.inputEnded();
        }
        return new Outcome(recorder.events, recorder.decoder.bufferedBytes());
    }
}

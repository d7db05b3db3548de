package io.bifrost.app.server.cli;

import io.bifrost.adapters.vertx.runtime.CliContext;
import io.bifrost.adapters.vertx.runtime.ProcessSignals;
import io.bifrost.core.config.EnvLookup;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code bifrost-server} in-process with captured streams. */
public final class TestCli {
    private final Path workingDir;
    private String stdin = "";
    private Map<String, String> env = Map.of();
    private ProcessSignals signals = lifecycle -> {
        throw new AssertionError("this test does not expect the server to run");
    };

    public TestCli(Path workingDir) {
        this.workingDir = workingDir;
    }

    public TestCli stdin(String text) {
        this.stdin = text;
        return this;
    }

    public TestCli env(Map<String, String> variables) {
        this.env = variables;
        return this;
    }

    public TestCli signals(ProcessSignals source) {
        this.signals = source;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), workingDir, EnvLookup.of(env), signals);
        int status = ServerCli.run(ctx, args);
        return new Result(status, out.toString(), err.toString());
    }

    /** What a command left behind: its exit status and both streams. */
    public record Result(int status, String out, String err) {
        public java.util.List<String> outLines() {
            return out.lines().toList();
        }
    }
}

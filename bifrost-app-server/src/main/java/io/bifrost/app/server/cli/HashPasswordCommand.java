package io.bifrost.app.server.cli;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.auth.BcryptPasswordVerifier;
import io.bifrost.adapters.vertx.runtime.CliContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code hash-password}: one line from standard input → a bcrypt hash with cost 12 on standard output ([CFG-200],
 * [SEC-032]), ready for {@code password_hash}. The password is never an argument, so it stays out of shell history
 * and process lists.
 */
@Command(name = "hash-password",
        description = "Read a password (one line) from standard input and print its bcrypt hash (cost 12).")
final class HashPasswordCommand implements Callable<Integer> {
    static final int COST = 12;

    private final CliContext ctx;

    @Mixin
    HelpOption help;

    HashPasswordCommand(CliContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx");
    }

    @Override
    public Integer call() throws IOException {
        // not closed: standard input belongs to the process
        String password = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
        if (password == null || password.isEmpty()) {
            ctx.err().println("error: no password on standard input (expected: one non-empty line)");
            return 1;
        }
        ctx.out().println(BcryptPasswordVerifier.hash(password, COST));
        return 0;
    }
}

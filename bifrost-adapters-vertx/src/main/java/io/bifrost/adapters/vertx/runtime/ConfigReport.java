package io.bifrost.adapters.vertx.runtime;

import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ConfigResult;
import java.io.PrintWriter;

/** The text forms of configuration problems on the command line ([CFG-203]). Stateless. */
public final class ConfigReport {
    private ConfigReport() {}

    /** One line per problem, in file order: {@code warning: <path>: <message>} / {@code error: <path>: <message>}. */
    public static void problems(PrintWriter out, ConfigResult<?> result) {
        for (ConfigProblem p : result.problems()) {
            out.println(p.severity().wireName() + ": " + p);
        }
    }

    /** {@code Configuration is valid} or {@code Configuration is invalid: <n> error(s)}. */
    public static void summary(PrintWriter out, ConfigResult<?> result) {
        out.println(result.isValid()
                ? "Configuration is valid"
                : "Configuration is invalid: " + result.errors().size() + " error(s)");
    }
}

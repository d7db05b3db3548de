package io.bifrost.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link ConfigResult#orElseThrow()}; carries every problem (errors and warnings) in file order. */
public final class InvalidConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<ConfigProblem> problems) {
        List<ConfigProblem> errors = problems.stream().filter(ConfigProblem::isError).toList();
        return "invalid configuration: " + errors.size() + " error(s): "
                + errors.stream().map(ConfigProblem::toString).collect(Collectors.joining("; "));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}

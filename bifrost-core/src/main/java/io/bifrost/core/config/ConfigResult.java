package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The outcome of loading a configuration ([CFG-030]): the typed configuration when there is no error, and every
 * problem found, ordered by position in the file ([CFG-060]). Immutable.
 *
 * @param config the configuration; {@code null} when {@link #problems} contains an error (and, for a parsed tree,
 *     when the document is empty)
 * @param problems errors and warnings in file order
 * @param <T> {@link ServerConfig}, {@link ClientConfig}, or a parsed tree
 */
public record ConfigResult<T>(T config, List<ConfigProblem> problems) {

    public ConfigResult {
        requireNonNull(problems, "problems");
        problems = List.copyOf(problems);
        if (config != null && problems.stream().anyMatch(ConfigProblem::isError)) {
            throw new IllegalArgumentException("config: present (expected: null when there are errors)");
        }
    }

    /** A result carrying {@code config} only when {@code problems} has no error. */
    public static <T> ConfigResult<T> of(T config, List<ConfigProblem> problems) {
        boolean failed = problems.stream().anyMatch(ConfigProblem::isError);
        return new ConfigResult<>(failed ? null : config, problems);
    }

    /** A failed result. */
    public static <T> ConfigResult<T> failed(List<ConfigProblem> problems) {
        return new ConfigResult<>(null, problems);
    }

    /** True when there is no error (warnings allowed, [CFG-061]). */
    public boolean isValid() {
        return problems.stream().noneMatch(ConfigProblem::isError);
    }

    public List<ConfigProblem> errors() {
        return problems.stream().filter(ConfigProblem::isError).toList();
    }

    public List<ConfigProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /**
     * The configuration, for callers that stop on errors.
     *
     * @throws InvalidConfigException carrying every problem when the configuration is invalid
     */
    public T orElseThrow() {
        if (!isValid()) {
            throw new InvalidConfigException(problems);
        }
        return config;
    }
}

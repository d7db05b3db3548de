package io.bifrost.adapters.vertx.runtime;

import static java.util.Objects.requireNonNull;

/**
 * What tells the two programs apart on the command line ([CFG-200], [CFG-201]): the shared command bodies of
 * {@link ProgramCommands} are parameterised by it. Immutable.
 *
 * @param name the program name, e.g. {@code bifrost-server}: in version lines and error messages
 * @param defaultFileName the configuration file read when no {@code -c} is given ([CFG-003]), e.g.
 *     {@code server-config.yaml}
 * @param builtInDefault what the built-in default configuration does, for the start-up line of a run without a file,
 *     e.g. {@code every listener on 127.0.0.1}
 * @param initCommand the subcommand that writes a starter file, for the same line, e.g. {@code config init}
 */
public record CliProgram(String name, String defaultFileName, String builtInDefault, String initCommand) {

    public CliProgram {
        requireNonNull(name, "name");
        requireNonNull(defaultFileName, "defaultFileName");
        requireNonNull(builtInDefault, "builtInDefault");
        requireNonNull(initCommand, "initCommand");
    }
}

package io.bifrost.core.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The start-up exposure decision of [SEC-090] for the proxy listeners; see {@link OpenProxyCheck}. */
public sealed interface OpenProxyVerdict {

    /** Warnings to log and list in {@code GET /api/v1/status}; may be empty. */
    List<String> warnings();

    /**
     * Refuse: exit 1 at start-up; a failed reload or a 400 {@code VALIDATION_FAILED} save at run time.
     *
     * @param message the exact [SEC-090] message, prefixed with the listener's configuration path
     */
    record Refuse(String message, List<String> warnings) implements OpenProxyVerdict {
        public Refuse {
            requireNonNull(message, "message");
            warnings = List.copyOf(warnings);
        }
    }

    /** Start (or apply the change), logging the warnings if any. */
    record Proceed(List<String> warnings) implements OpenProxyVerdict {
        public Proceed {
            warnings = List.copyOf(warnings);
        }
    }
}

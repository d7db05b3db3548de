package io.bifrost.adapters.vertx.control;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ConfigProblem;
import java.util.List;
import java.util.Map;

/**
 * A refused configuration change, carrying what the API answers ([GEN-021]-[GEN-023]): the code (which decides the
 * status), a human message, every validation problem, and the members that name the subject ({@code backend},
 * {@code route}, {@code routes}).
 */
public final class ControlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Code code;
    private final transient List<ConfigProblem> problems;
    private final transient Map<String, Object> subject;

    public ControlException(Code code, String message, List<ConfigProblem> problems, Map<String, Object> subject) {
        super(requireNonNull(message, "message"), null, false, false);
        this.code = requireNonNull(code, "code");
        this.problems = List.copyOf(problems);
        this.subject = Map.copyOf(subject);
    }

    public ControlException(Code code, String message) {
        this(code, message, List.of(), Map.of());
    }

    /** {@code ROUTE_NOT_FOUND} naming {@code route} ([SAPI-105], [CAPI-071]). */
    public static ControlException routeNotFound(String name) {
        return new ControlException(Code.ROUTE_NOT_FOUND, "no route named \"" + name + "\" is configured", List.of(),
                Map.of("route", name));
    }

    /** {@code ALREADY_EXISTS} naming {@code route} ([SAPI-110], [CAPI-072]). */
    public static ControlException routeExists(String name) {
        return new ControlException(Code.ALREADY_EXISTS, "a route named \"" + name + "\" already exists", List.of(),
                Map.of("route", name));
    }

    public Code code() {
        return code;
    }

    /** Errors and warnings, for {@code VALIDATION_FAILED} and {@code RELOAD_FAILED}. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** Extra members of the error body, e.g. {@code backend: "wg"} or {@code routes: [...]}. */
    public Map<String, Object> subject() {
        return subject;
    }

    /** The error codes of [GEN-023] a configuration change can end with. */
    public enum Code {
        INVALID_BODY(400),
        VALIDATION_FAILED(400),
        UNKNOWN_BACKEND(400),
        BACKEND_NOT_FOUND(404),
        ROUTE_NOT_FOUND(404),
        SERVER_NOT_FOUND(404),
        ALREADY_EXISTS(409),
        IN_USE(409),
        SAVE_FAILED(500),
        RELOAD_FAILED(500);

        private final int status;

        Code(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}

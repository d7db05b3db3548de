package io.bifrost.adapters.vertx.proxy;

import static java.util.Objects.requireNonNull;

/** Carries a {@link Refusal} through a failed future; an expected outcome, so no stack trace. */
public final class ProxyRefusalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Refusal refusal;

    public ProxyRefusalException(Refusal refusal) {
        super(requireNonNull(refusal, "refusal").message(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}

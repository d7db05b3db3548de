package io.bifrost.core.policy;

import static java.util.Objects.requireNonNull;

/**
 * The result of the destination policy ([SEC-060], [PRX-010] step 6). Every refusal is answered with
 * {@code destination_prohibited} (403, Proxy-Status {@code destination_ip_prohibited}, SOCKS5 {@code 0x02}, [PRX-100]);
 * the reason and detail are for logs and the Proxy-Status {@code details}.
 */
public sealed interface DestinationDecision {

    /** The single allowed value. */
    DestinationDecision ALLOWED = new Allowed();

    boolean isAllowed();

    /** The destination may be dialled. */
    record Allowed() implements DestinationDecision {
        @Override
        public boolean isAllowed() {
            return true;
        }
    }

    /**
     * The destination is refused.
     *
     * @param reason why
     * @param detail a short human-readable explanation naming the address or listener, never a secret
     */
    record Prohibited(Reason reason, String detail) implements DestinationDecision {
        public Prohibited {
            requireNonNull(reason, "reason");
            requireNonNull(detail, "detail");
        }

        @Override
        public boolean isAllowed() {
            return false;
        }
    }

    /** Why a destination is prohibited. */
    enum Reason {
        /** Loopback or unspecified address, or a {@code localhost} name; allowed by allow_loopback_destinations. */
        LOOPBACK,
        /** One of this server's own listening sockets; always refused, whatever the settings. */
        OWN_LISTENER
    }
}

package io.bifrost.core.policy;

/**
 * The result of the client-IP access check ([SEC-040]). Refusals are answered with {@code access_denied} (403, SOCKS5
 * {@code 0x02}, [PRX-100]); {@link #metricReason()} is the {@code reason} label of {@code bifrost_access_denied_total}.
 */
public enum AccessDecision {
    ALLOWED(""),
    /** The client address is inside a blacklist entry. */
    BLACKLISTED("blacklist"),
    /** The whitelist is non-empty and the client address is inside none of its entries. */
    NOT_WHITELISTED("not_whitelisted");

    private final String metricReason;

    AccessDecision(String metricReason) {
        this.metricReason = metricReason;
    }

    public boolean isAllowed() {
        return this == ALLOWED;
    }

    /** {@code blacklist} or {@code not_whitelisted}; the empty string for {@link #ALLOWED}. */
    public String metricReason() {
        return metricReason;
    }
}

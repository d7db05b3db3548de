package io.bifrost.testkit.origin;

import static java.util.Objects.requireNonNull;

/**
 * One header field as it arrived: the name keeps its original case.
 *
 * @param name  the field name, as sent
 * @param value the field value, as sent
 */
public record Header(String name, String value) {

    public Header {
        requireNonNull(name, "name");
        requireNonNull(value, "value");
    }

    /** Whether this field has the given name, compared case-insensitively as HTTP does (RFC 9110 §5.1). */
    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }
}

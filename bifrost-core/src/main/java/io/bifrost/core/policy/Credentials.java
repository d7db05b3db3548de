package io.bifrost.core.policy;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * A username and password offered by a proxy client (HTTP Basic, [PRX-090]; SOCKS5 RFC 1929, [PRX-093]).
 *
 * <p>{@link #toString()} never shows the password ([SEC-033]: passwords are never logged).
 *
 * @param username as sent; case-sensitive; may be empty
 * @param password as sent; may be empty
 */
public record Credentials(String username, String password) {
    private static final String BASIC = "basic";

    public Credentials {
        requireNonNull(username, "username");
        requireNonNull(password, "password");
    }

    /**
     * Parses a {@code Proxy-Authorization} field value of the form {@code Basic <base64(username ":" password)>}
     * ([PRX-090], RFC 7617): the scheme is case-insensitive, the decoded text is UTF-8 and the username ends at the
     * first {@code :}. Empty for an absent field ({@code null}), another scheme, or a value that is not valid base64,
     * not valid UTF-8 or has no {@code :}; the caller treats all of these as missing credentials.
     */
    public static Optional<Credentials> parseBasic(String fieldValue) {
        if (fieldValue == null) {
            return Optional.empty();
        }
        String value = fieldValue.strip();
        int space = indexOfWhitespace(value);
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(BASIC)) {
            return Optional.empty();
        }
        return decode(value.substring(space).strip()).flatMap(Credentials::split);
    }

    private static int indexOfWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == ' ' || value.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static Optional<String> decode(String token68) {
        try {
            byte[] raw = Base64.getDecoder().decode(token68);
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Credentials> split(String userPass) {
        int colon = userPass.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(userPass.substring(0, colon), userPass.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=********]";
    }
}

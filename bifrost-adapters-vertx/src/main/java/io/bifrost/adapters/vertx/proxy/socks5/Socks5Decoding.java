package io.bifrost.adapters.vertx.proxy.socks5;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Decoding of request fields for {@link Socks5ServerHandshake}. Stateless; thread-safe. */
final class Socks5Decoding {

    private Socks5Decoding() {}

    /** {@code raw} is DST.ADDR: 4 or 16 address bytes, or a length byte and a name. */
    static Optional<Socks5Address> address(int atyp, byte[] raw) {
        if (atyp != Socks5Address.ATYP_DOMAIN) {
            return Optional.of(Socks5Address.ofIpBytes(raw));           // IPv4-mapped IPv6 becomes IPv4
        }
        String name = new String(raw, 1, raw.length - 1, StandardCharsets.ISO_8859_1);  // non-ASCII fails below
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);                 // [PRX-075]: one trailing dot is removed
        }
        return Socks5Address.tryParseHost(name);     // IP-literal text becomes that address; else the name rules
    }

    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException malformed) {
            return Optional.empty();                 // strict: a lenient decoder would map distinct bytes to U+FFFD
        }
    }

    /** For records only: {@code raw} from {@code offset} on, anything outside printable ASCII shown as '?'. */
    static String printable(byte[] raw, int offset) {
        StringBuilder text = new StringBuilder(raw.length);
        for (int i = offset; i < raw.length; i++) {
            text.append(raw[i] >= 0x21 && raw[i] <= 0x7E ? (char) raw[i] : '?');
        }
        return text.toString();
    }
}

package io.bifrost.adapters.vertx.proxy.socks5;

/**
 * A SOCKS5 request's {@code CMD} byte (RFC 1928 §4). Open: every value 0–255 is representable, because refused
 * commands are still recorded (spec [PRX-074], [PRX-011]). Immutable.
 *
 * @param code the {@code CMD} byte, 0–255
 */
public record Socks5Command(int code) {

    public static final Socks5Command CONNECT = new Socks5Command(0x01);
    public static final Socks5Command BIND = new Socks5Command(0x02);
    public static final Socks5Command UDP_ASSOCIATE = new Socks5Command(0x03);

    public Socks5Command {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("code: " + code + " (expected: 0-255)");
        }
    }

    /** The recorded method: {@code CONNECT}, {@code BIND}, {@code UDP_ASSOCIATE} or {@code CMD_<n>} (decimal). */
    public String methodName() {
        return switch (code) {
            case 0x01 -> "CONNECT";
            case 0x02 -> "BIND";
            case 0x03 -> "UDP_ASSOCIATE";
            default -> "CMD_" + code;
        };
    }

    @Override
    public String toString() {
        return methodName();
    }
}

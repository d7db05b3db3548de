package io.bifrost.testkit.origin;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The deterministic bytes that {@link FakeHttpOrigin} serves on {@code /bytes/{n}}, and helpers to check a download
 * without keeping it in memory.
 *
 * <p>The byte at offset {@code i} is {@code i mod 251}. 251 is prime, so the pattern never lines up with
 * power-of-two buffer sizes: a dropped, repeated or reordered chunk changes the content, not just the length.
 *
 * <p>Stateless and thread-safe.
 */
public final class BytePattern {

    private static final int PERIOD = 251;
    /** About 64 KiB of whole periods: any slice can be copied from it, starting at {@code offset mod PERIOD}. */
    private static final byte[] TILE = tile(PERIOD * 261);

    private BytePattern() {}

    /** The byte at {@code offset}. */
    public static byte byteAt(long offset) {
        requireOffset(offset);
        return (byte) (offset % PERIOD);
    }

    /** The {@code length} bytes starting at {@code offset}; for slices up to a few MiB. */
    public static byte[] slice(long offset, int length) {
        requireOffset(offset);
        if (length < 0) {
            throw new IllegalArgumentException("length: " + length + " (expected: >= 0)");
        }
        byte[] out = new byte[length];
        int start = (int) (offset % PERIOD);
        for (int written = 0; written < length; ) {
            int n = Math.min(length - written, TILE.length - start);
            System.arraycopy(TILE, start, out, written, n);
            written += n;
            start = (start + n) % PERIOD;
        }
        return out;
    }

    /** The first {@code length} bytes; {@code /bytes/{length}} serves exactly these. */
    public static byte[] bytes(int length) {
        return slice(0, length);
    }

    /** Lower-case hex SHA-256 of the first {@code length} bytes, computed in slices (any length). */
    public static String sha256Hex(long length) {
        requireOffset(length);
        MessageDigest digest = sha256();
        for (long done = 0; done < length; ) {
            int start = (int) (done % PERIOD);
            int n = (int) Math.min(TILE.length - start, length - done);
            digest.update(TILE, start, n);
            done += n;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A new SHA-256 digest; for tests that hash a download as it streams. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing, though every JDK must provide it", e);
        }
    }

    private static byte[] tile(int length) {
        byte[] tile = new byte[length];
        for (int i = 0; i < length; i++) {
            tile[i] = (byte) (i % PERIOD);
        }
        return tile;
    }

    private static void requireOffset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset: " + offset + " (expected: >= 0)");
        }
    }
}

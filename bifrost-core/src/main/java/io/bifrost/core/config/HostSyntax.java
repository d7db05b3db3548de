package io.bifrost.core.config;

import io.bifrost.core.net.IpAddress;
import java.util.Optional;

/** Shared host and port checks of listen and upstream addresses ([CFG-013], [CFG-014]). */
final class HostSyntax {
    private HostSyntax() {}

    /** A DNS name (letters, digits, {@code -}, {@code _}, dots between labels) that is not a malformed IPv4 literal. */
    static boolean isHostName(String host) {
        if (host.isEmpty() || host.length() > 253 || host.startsWith(".") || host.contains("..")) {
            return false;
        }
        boolean allDigitsAndDots = true;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
            boolean digit = c >= '0' && c <= '9';
            if (!letter && !digit && c != '.') {
                return false;
            }
            allDigitsAndDots &= !letter;
        }
        return !allDigitsAndDots;
    }

    /** Parses a decimal port; empty when {@code text} is not 1-5 digits within {@code min}-65535. */
    static Optional<Integer> port(String text, int min) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int port = Integer.parseInt(text);
        return port >= min && port <= 65535 ? Optional.of(port) : Optional.empty();
    }

    /** An IPv6 literal inside brackets, e.g. {@code [::1]}; the text between them must be IPv6. */
    static Optional<IpAddress> bracketedV6(String text) {
        if (text.length() < 3 || text.charAt(0) != '[' || text.charAt(text.length() - 1) != ']') {
            return Optional.empty();
        }
        return IpAddress.parse(text.substring(1, text.length() - 1)).filter(IpAddress::isV6);
    }
}

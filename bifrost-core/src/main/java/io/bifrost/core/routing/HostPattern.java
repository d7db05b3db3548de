package io.bifrost.core.routing;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.net.CidrBlock;
import io.bifrost.core.net.IpAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A destination pattern of a route ([RTE-010]-[RTE-016]). Parsed once when a configuration is loaded;
 * {@link #matches} runs for every request and is allocation-free for exact, suffix and prefix patterns.
 * Immutable and thread-safe.
 */
public sealed interface HostPattern permits HostPattern.Any, HostPattern.Cidr, HostPattern.Ip, HostPattern.Domain {

    /** The normalised pattern text (what the API lists and the PAC file is built from). */
    String text();

    boolean matches(RoutingKey key);

    /** Only {@code *} matches every destination; routes made of it alone sort last ([RTE-030]). */
    default boolean isCatchAll() {
        return false;
    }

    /**
     * Normalises and parses a pattern ([RTE-010], [RTE-011]).
     *
     * @throws IllegalArgumentException with a message such as {@code invalid pattern "a..b": empty label}
     */
    static HostPattern parse(String raw) {
        requireNonNull(raw, "raw");
        String p = raw.strip();
        if (p.isEmpty()) {
            throw invalid(raw, "empty pattern");
        }
        if (p.chars().anyMatch(Character::isWhitespace)) {
            throw invalid(raw, "whitespace inside");
        }
        if (p.equals("*")) {
            return new Any();
        }
        if (p.indexOf('/') >= 0) {
            try {
                return new Cidr(CidrBlock.parse(p));
            } catch (IllegalArgumentException e) {
                throw invalid(raw, e.getMessage());
            }
        }
        Optional<IpAddress> ip = IpAddress.parse(p);
        if (ip.isPresent()) {
            return new Ip(ip.get());
        }
        if (p.indexOf(':') >= 0 || p.startsWith("[")) {
            throw invalid(raw, "malformed IP address");
        }
        return Domain.parse(raw, p);
    }

    private static IllegalArgumentException invalid(String raw, String why) {
        return new IllegalArgumentException("invalid pattern \"" + raw + "\": " + why);
    }

    /** {@code *}: every destination, names and IP literals alike. */
    record Any() implements HostPattern {
        @Override
        public String text() {
            return "*";
        }

        @Override
        public boolean matches(RoutingKey key) {
            return true;
        }

        @Override
        public boolean isCatchAll() {
            return true;
        }
    }

    /** An address block; matches IP-literal destinations inside it and never names ([RTE-003]). */
    record Cidr(CidrBlock block) implements HostPattern {
        public Cidr {
            requireNonNull(block, "block");
        }

        @Override
        public String text() {
            return block.toString();
        }

        @Override
        public boolean matches(RoutingKey key) {
            return key.ip() != null && block.contains(key.ip());
        }
    }

    /** One address, compared numerically. */
    record Ip(IpAddress address) implements HostPattern {
        public Ip {
            requireNonNull(address, "address");
        }

        @Override
        public String text() {
            return address.toString();
        }

        @Override
        public boolean matches(RoutingKey key) {
            return address.equals(key.ip());
        }
    }

    /**
     * Labels with optional wildcards ([RTE-012]); tried against names and the dotted text of IPv4 literals, never
     * against IPv6 literals ([RTE-013]).
     *
     * @param text normalised pattern text
     * @param kind which fast path matches it
     * @param literal for EXACT the name, for SUFFIX the apex ({@code example.com}), for PREFIX the leading labels
     *     with their dot ({@code intranet.}); empty for GLOB
     * @param regex the anchored expression of [RTE-012] (used by GLOB matching and by the PAC generator)
     */
    record Domain(String text, Kind kind, String literal, Pattern regex) implements HostPattern {
        /** Matching strategy of a domain pattern; EXACT and SUFFIX can be indexed by label ([RTE-099]). */
        public enum Kind { EXACT, SUFFIX, PREFIX, GLOB }

        public Domain {
            requireNonNull(text, "text");
            requireNonNull(kind, "kind");
            requireNonNull(literal, "literal");
            requireNonNull(regex, "regex");
        }

        @Override
        public boolean matches(RoutingKey key) {
            if (key.isIpv6()) {
                return false;
            }
            String h = key.text();
            return switch (kind) {
                case EXACT -> literal.equals(h);
                case SUFFIX -> h.endsWith(literal)
                        && (h.length() == literal.length() || h.charAt(h.length() - literal.length() - 1) == '.');
                case PREFIX -> h.length() > literal.length() && h.startsWith(literal);
                case GLOB -> regex.matcher(h).matches();
            };
        }

        /** The regular expression source for PAC files: exactly the compilation rules of [RTE-012]. */
        public String regexSource() {
            return regex.pattern();
        }

        static Domain parse(String raw, String stripped) {
            String p = RoutingKey.toAscii(stripped)
                    .orElseThrow(() -> invalid(raw, "not a valid international domain name"));
            if (p.endsWith(".")) {
                p = p.substring(0, p.length() - 1);
            }
            if (p.startsWith(".")) {
                p = "*" + p;
            }
            if (p.length() > 253) {
                throw invalid(raw, "longer than 253 characters");
            }
            String[] labels = p.split("\\.", -1);
            for (String label : labels) {
                checkLabel(raw, label);
            }
            int n = labels.length;
            boolean leading = n >= 2 && labels[0].equals("*");
            boolean trailing = n >= 2 && labels[n - 1].equals("*");
            int core = n - (leading ? 1 : 0) - (trailing ? 1 : 0);
            if (core < 1) {
                throw invalid(raw, "a pattern of wildcards only; use \"*\"");
            }
            Pattern regex = Pattern.compile(toRegex(labels, leading, trailing));
            String middle = String.join(".", java.util.Arrays.copyOfRange(labels, leading ? 1 : 0, trailing ? n - 1 : n));
            boolean plainMiddle = middle.indexOf('*') < 0;
            if (plainMiddle && !leading && !trailing) {
                return new Domain(p, Kind.EXACT, middle, regex);
            }
            if (plainMiddle && leading && !trailing) {
                return new Domain(p, Kind.SUFFIX, middle, regex);
            }
            if (plainMiddle && trailing && !leading) {
                return new Domain(p, Kind.PREFIX, middle + ".", regex);
            }
            return new Domain(p, Kind.GLOB, "", regex);
        }

        private static void checkLabel(String raw, String label) {
            if (label.isEmpty()) {
                throw invalid(raw, "empty label");
            }
            if (label.length() > 63) {
                throw invalid(raw, "label longer than 63 characters");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '*';
                if (!ok) {
                    throw invalid(raw, "character '" + c + "' is not allowed");
                }
            }
        }

        /** [RTE-012]: {@code *.} → {@code (?:[^.]+\.)*}, {@code .*} → {@code (?:\.[^.]+)+}, other {@code *} → {@code [^.]*}. */
        private static String toRegex(String[] labels, boolean leading, boolean trailing) {
            StringBuilder sb = new StringBuilder("^");
            if (leading) {
                sb.append("(?:[^.]+\\.)*");
            }
            int from = leading ? 1 : 0;
            int to = trailing ? labels.length - 1 : labels.length;
            for (int i = from; i < to; i++) {
                if (i > from) {
                    sb.append("\\.");
                }
                for (char c : labels[i].toCharArray()) {
                    sb.append(c == '*' ? "[^.]*" : String.valueOf(c));
                }
            }
            if (trailing) {
                sb.append("(?:\\.[^.]+)+");
            }
            return sb.append('$').toString();
        }
    }
}

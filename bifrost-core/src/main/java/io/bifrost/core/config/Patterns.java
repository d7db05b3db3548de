package io.bifrost.core.config;

import io.bifrost.core.net.CidrBlock;
import io.bifrost.core.routing.HostPattern;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads host patterns ([RTE-010]-[RTE-016]) and IP/CIDR lists ([SEC-040]) with their problems. */
final class Patterns {
    private Patterns() {}

    /**
     * The patterns of a list node, normalised, a repeated pattern dropped after its first occurrence ([RTE-016]).
     * Invalid patterns are errors at their own path; CIDR blocks with host bits are warnings ([RTE-015]).
     */
    static List<HostPattern> hostPatterns(ConfigNode list) {
        List<HostPattern> patterns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigNode element : list.elements()) {
            String text = element.asString();
            if (text == null) {
                continue;
            }
            HostPattern pattern = element.parsed(text, HostPattern::parse);
            if (pattern == null) {
                continue;
            }
            if (pattern instanceof HostPattern.Cidr cidr) {
                warnHostBits(element, text, cidr.block());
            }
            if (seen.add(pattern.text())) {
                patterns.add(pattern);
            }
        }
        return patterns;
    }

    /** Required, non-empty pattern list ({@code routes[i].domains}). */
    static List<HostPattern> requiredDomains(ConfigNode route) {
        ConfigNode domains = route.get("domains");
        if (!domains.isPresent()) {
            domains.error("required");
            return List.of();
        }
        List<HostPattern> patterns = hostPatterns(domains);
        if (domains.value() instanceof List<?> raw && raw.isEmpty()) {
            domains.error("must not be empty");
        }
        return patterns;
    }

    /** IP addresses and CIDR blocks of an access list. */
    static List<CidrBlock> cidrBlocks(ConfigNode list) {
        List<CidrBlock> blocks = new ArrayList<>();
        for (ConfigNode element : list.elements()) {
            String text = element.asString();
            CidrBlock block = element.parsed(text, t -> {
                try {
                    return CidrBlock.parse(t.strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "invalid address or CIDR block \"" + t + "\": " + e.getMessage(), e);
                }
            });
            if (block != null) {
                warnHostBits(element, text, block);
                blocks.add(block);
            }
        }
        return blocks;
    }

    private static void warnHostBits(ConfigNode node, String text, CidrBlock block) {
        if (block.hadHostBits()) {
            node.warning("CIDR block \"" + text + "\" has host bits set; it is read as " + block);
        }
    }
}

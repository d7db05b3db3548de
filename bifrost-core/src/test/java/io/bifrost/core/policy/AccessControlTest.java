package io.bifrost.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.net.CidrBlock;
import io.bifrost.core.net.IpAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessControlTest {

    @ParameterizedTest(name = "white [{0}] black [{1}] client {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "                            |                    | 203.0.113.7     | ALLOWED",
            "                            | 203.0.113.0/24     | 203.0.113.7     | BLACKLISTED",
            "                            | 203.0.113.0/24     | 203.0.114.7     | ALLOWED",
            "10.0.0.0/8                  |                    | 10.1.2.3        | ALLOWED",
            "10.0.0.0/8                  |                    | 192.168.1.1     | NOT_WHITELISTED",
            "10.0.0.0/8                  | 10.9.0.0/16        | 10.9.1.1        | BLACKLISTED",
            "10.0.0.0/8                  | 10.9.0.0/16        | 10.8.1.1        | ALLOWED",
            "10.9.9.9                    | 10.0.0.0/8         | 10.9.9.9        | BLACKLISTED",
            "10.0.0.0/8 192.168.0.0/16   |                    | 192.168.200.3   | ALLOWED",
            "10.0.0.0/8                  |                    | ::ffff:10.0.0.1 | ALLOWED",
            "                            | 10.0.0.1           | ::ffff:10.0.0.1 | BLACKLISTED",
            "2001:db8::/32               |                    | 2001:db8:1::5   | ALLOWED",
            "2001:db8::/32               |                    | 2001:db9::5     | NOT_WHITELISTED",
            "10.0.0.0/8                  |                    | 2001:db8::1     | NOT_WHITELISTED",
            "                            | 2001:db8::/32      | 10.0.0.1        | ALLOWED",
            "0.0.0.0/0                   | 192.0.2.1          | 8.8.8.8         | ALLOWED",
            "::/0                        |                    | 8.8.8.8         | NOT_WHITELISTED",
    })
    void check_blacklistFirstThenNonEmptyWhitelist(String white, String black, String client, AccessDecision expected) {
        AccessControl acl = AccessControl.of(blocks(white), blocks(black));

        assertThat(acl.check(ip(client))).isEqualTo(expected);
    }

    @Test
    void decision_metricReasons_matchSpecLabels() {
        assertThat(AccessDecision.BLACKLISTED.metricReason()).isEqualTo("blacklist");
        assertThat(AccessDecision.NOT_WHITELISTED.metricReason()).isEqualTo("not_whitelisted");
        assertThat(AccessDecision.ALLOWED.isAllowed()).isTrue();
        assertThat(AccessDecision.BLACKLISTED.isAllowed()).isFalse();
        assertThat(AccessDecision.NOT_WHITELISTED.isAllowed()).isFalse();
    }

    @Test
    void allowAll_allowsAnyone() {
        assertThat(AccessControl.allowAll().check(ip("203.0.113.7"))).isEqualTo(AccessDecision.ALLOWED);
    }

    /** The prefix index must agree with a plain scan over the blocks, for many random lists and addresses. */
    @Test
    void check_manyRandomBlocks_agreesWithLinearScan() {
        Random random = new Random(42);
        List<CidrBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            blocks.add(randomBlock(random));
        }
        AccessControl blacklistOnly = AccessControl.of(List.of(), blocks);
        int insideCount = 0;
        for (int i = 0; i < 20_000; i++) {
            IpAddress client = randomAddress(random);
            boolean inside = blocks.stream().anyMatch(b -> b.contains(client));
            insideCount += inside ? 1 : 0;

            assertThat(blacklistOnly.check(client))
                    .as("%s", client)
                    .isEqualTo(inside ? AccessDecision.BLACKLISTED : AccessDecision.ALLOWED);
        }
        assertThat(insideCount).as("both outcomes are exercised").isBetween(2_000, 18_000);
    }

    /** Addresses drawn from a small pool of first bytes so that random blocks actually match some of them. */
    private static IpAddress randomAddress(Random random) {
        byte[] bytes = new byte[random.nextInt(4) == 0 ? 16 : 4];
        random.nextBytes(bytes);
        bytes[0] = (byte) (random.nextInt(4) + (bytes.length == 16 ? 0x20 : 10));
        if (bytes.length == 16 && bytes[0] == 0x20) {
            bytes[1] = 0x01;
        }
        return IpAddress.fromBytes(bytes);
    }

    private static CidrBlock randomBlock(Random random) {
        IpAddress network = randomAddress(random);
        int max = network.isV4() ? 32 : 128;
        return CidrBlock.parse(network + "/" + (random.nextInt(max - 14) + 14));
    }

    static List<CidrBlock> blocks(String spaceSeparated) {
        if (spaceSeparated == null) {
            return List.of();
        }
        return Arrays.stream(spaceSeparated.trim().split("\\s+")).map(CidrBlock::parse).toList();
    }

    static IpAddress ip(String text) {
        return IpAddress.parse(text).orElseThrow();
    }
}

package io.bifrost.core.policy;

import static io.bifrost.core.policy.AccessControlTest.blocks;
import static io.bifrost.core.policy.AccessControlTest.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.net.CidrBlock;
import io.bifrost.core.net.IpAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenProxyCheckTest {
    private static final String SPEC_MESSAGE = "server.http.listen: refusing to run an open proxy on public address"
            + " 203.0.113.7; require authentication, restrict access_control.whitelist, bind to a private address, or"
            + " set server.allow_open_proxy: true";
    private static final List<IpAddress> PUBLIC_HOST = addresses("127.0.0.1 10.0.0.5 203.0.113.7 fe80::1");
    private static final List<IpAddress> PRIVATE_HOST = addresses("127.0.0.1 ::1 10.0.0.5 192.168.1.2 fd00::5");

    @Test
    void verdict_openProxyOnPublicAddress_refusesWithTheSpecMessage() {
        OpenProxyVerdict verdict = check(List.of(http(null)), false, List.of(), false, PUBLIC_HOST);

        assertThat(verdict).isEqualTo(new OpenProxyVerdict.Refuse(SPEC_MESSAGE, List.of()));
    }

    @ParameterizedTest(name = "auth={0} whitelist=[{1}] allow={2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "false |                          | false | REFUSE",
            "true  |                          | false | PROCEED",
            "false | 10.0.0.0/8               | false | PROCEED",
            "false | 10.0.0.0/8 fd00::/8 ::1  | false | PROCEED",
            "false | 0.0.0.0/0                | false | REFUSE",
            "false | 10.0.0.0/8 203.0.113.0/24| false | REFUSE",
            "false | 10.0.0.0/7               | false | REFUSE",
            "false |                          | true  | WARN",
            "false | 0.0.0.0/0                | true  | WARN",
    })
    void verdict_allInterfacesOnPublicHost_dependsOnAuthWhitelistAndFlag(
            boolean auth, String whitelist, boolean allow, String expected) {
        OpenProxyVerdict verdict = check(List.of(http(null)), auth, blocks(whitelist), allow, PUBLIC_HOST);

        assertThat(kindOf(verdict)).isEqualTo(expected);
    }

    @Test
    void verdict_allowOpenProxy_warnsNamingTheAddress() {
        OpenProxyVerdict verdict = check(List.of(http(null)), false, List.of(), true, PUBLIC_HOST);

        assertThat(verdict.warnings()).containsExactly("server.http.listen: running an open proxy on public address"
                + " 203.0.113.7 (allowed by server.allow_open_proxy: true)");
    }

    @Test
    void verdict_allInterfacesOnPrivateHost_proceedsLeavingTheWarningToTheConfigReader() {
        OpenProxyVerdict verdict = check(List.of(http(null)), false, List.of(), false, PRIVATE_HOST);

        assertThat(verdict).isEqualTo(new OpenProxyVerdict.Proceed(List.of()));
    }

    @ParameterizedTest(name = "bound to {0} → {1}")
    @CsvSource({
            "127.0.0.1,    PROCEED",
            "::1,          PROCEED",
            "10.0.0.5,     PROCEED",
            "203.0.113.7,  REFUSE",
            "198.51.100.9, REFUSE",
    })
    void verdict_boundListener_coversOnlyItsAddress(String bound, String expected) {
        OpenProxyVerdict verdict = check(List.of(http(ip(bound))), false, List.of(), false, PUBLIC_HOST);

        assertThat(kindOf(verdict)).isEqualTo(expected);
    }

    @Test
    void verdict_ipv4Wildcard_ignoresPublicIpv6HostAddresses() {
        List<IpAddress> host = addresses("10.0.0.5 2001:db8::5");

        assertThat(kindOf(check(List.of(http(ip("0.0.0.0"))), false, List.of(), false, host))).isEqualTo("PROCEED");
        assertThat(kindOf(check(List.of(http(ip("::"))), false, List.of(), false, host))).isEqualTo("REFUSE");
        assertThat(kindOf(check(List.of(http(null)), false, List.of(), false, host))).isEqualTo("REFUSE");
    }

    @Test
    void verdict_socksListenerExposed_refusalNamesItsPath() {
        List<ListenerSocket> listeners = List.of(
                http(ip("127.0.0.1")), new ListenerSocket("server.socks5.listen", ip("::"), 7180));

        OpenProxyVerdict verdict = check(listeners, false, List.of(), false, addresses("2001:db8::5 203.0.113.7"));

        assertThat(verdict).isInstanceOf(OpenProxyVerdict.Refuse.class);
        assertThat(((OpenProxyVerdict.Refuse) verdict).message())
                .startsWith("server.socks5.listen: refusing to run an open proxy on public address 2001:db8::5;");
    }

    @Test
    void verdict_nonPublicHostAddressesOnly_neverRefuses() {
        List<IpAddress> host = addresses("127.0.0.1 100.64.1.1 169.254.7.7 172.16.0.1 fe80::1 fd12::1 ::1");

        assertThat(kindOf(check(List.of(http(null)), false, List.of(), false, host))).isEqualTo("PROCEED");
    }

    @Test
    void publicAddressFindings_exposedListeners_carryTheStartUpMessagesWithoutRefusing() {
        List<ListenerSocket> listeners = List.of(http(null), new ListenerSocket("server.socks5.listen",
                ip("10.0.0.5"), 7180));

        assertThat(new OpenProxyCheck(listeners, false, List.of(), false, PUBLIC_HOST).publicAddressFindings())
                .containsExactly(new OpenProxyCheck.Finding("server.http.listen",
                        SPEC_MESSAGE.substring("server.http.listen: ".length())));
        assertThat(new OpenProxyCheck(listeners, false, List.of(), true, PUBLIC_HOST).publicAddressFindings())
                .containsExactly(new OpenProxyCheck.Finding("server.http.listen",
                        "running an open proxy on public address 203.0.113.7 (allowed by server.allow_open_proxy:"
                                + " true)"));
    }

    @Test
    void publicAddressFindings_authRequiredPrivateWhitelistOrPrivateHost_none() {
        List<ListenerSocket> listeners = List.of(http(null));

        assertThat(new OpenProxyCheck(listeners, true, List.of(), false, PUBLIC_HOST).publicAddressFindings())
                .isEmpty();
        assertThat(new OpenProxyCheck(listeners, false, blocks("10.0.0.0/8"), false, PUBLIC_HOST)
                .publicAddressFindings()).isEmpty();
        assertThat(new OpenProxyCheck(listeners, false, List.of(), false, PRIVATE_HOST).publicAddressFindings())
                .isEmpty();
    }

    @Test
    void listenText_followsCfg013() {
        assertThat(http(null).listenText()).isEqualTo(":7080");
        assertThat(http(ip("0.0.0.0")).listenText()).isEqualTo("0.0.0.0:7080");
        assertThat(http(ip("::1")).listenText()).isEqualTo("[::1]:7080");
    }

    private static OpenProxyVerdict check(List<ListenerSocket> listeners, boolean auth, List<CidrBlock> whitelist,
            boolean allow, List<IpAddress> host) {
        return new OpenProxyCheck(listeners, auth, whitelist, allow, host).verdict();
    }

    private static String kindOf(OpenProxyVerdict verdict) {
        if (verdict instanceof OpenProxyVerdict.Refuse) {
            return "REFUSE";
        }
        return verdict.warnings().isEmpty() ? "PROCEED" : "WARN";
    }

    private static ListenerSocket http(IpAddress host) {
        return new ListenerSocket("server.http.listen", host, 7080);
    }

    private static List<IpAddress> addresses(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.split(" ")).map(AccessControlTest::ip).toList();
    }
}

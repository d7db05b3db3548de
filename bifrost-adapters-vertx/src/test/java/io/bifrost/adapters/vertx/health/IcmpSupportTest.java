package io.bifrost.adapters.vertx.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IcmpSupportTest {

    @Test
    void hasNetRaw_rootCapabilities_true() {
        assertThat(IcmpSupport.hasNetRaw("Name:\tjava\nCapInh:\t0000000000000000\nCapEff:\t000001ffffffffff\n"))
                .isTrue();
    }

    @Test
    void hasNetRaw_onlyNetRaw_true() {
        assertThat(IcmpSupport.hasNetRaw("CapPrm:\t0000000000002000\nCapEff:\t0000000000002000\n")).isTrue();
    }

    @Test
    void hasNetRaw_unprivileged_false() {
        assertThat(IcmpSupport.hasNetRaw("Name:\tjava\nCapEff:\t0000000000000000\nCapBnd:\t000001ffffffffff\n"))
                .isFalse();
    }

    @Test
    void hasNetRaw_everythingButNetRaw_false() {
        assertThat(IcmpSupport.hasNetRaw("CapEff:\t000001ffffffdfff\n")).isFalse();
    }

    @Test
    void hasNetRaw_noCapabilityLine_false() {
        assertThat(IcmpSupport.hasNetRaw("Name:\tjava\n")).isFalse();
    }
}

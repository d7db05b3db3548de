package io.bifrost.adapters.vertx.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProcessDefaultsTest {

    @Test
    void apply_withNothingSet_poolsLargeBuffersWhateverTheHeap() {
        Properties properties = new Properties();

        ProcessDefaults.apply(properties);

        assertThat(properties.getProperty(ProcessDefaults.NETTY_LOW_MEMORY)).isEqualTo("false");
    }

    @Test
    void apply_keepsWhatTheUserSetOnTheCommandLine() {
        Properties properties = new Properties();
        properties.setProperty(ProcessDefaults.NETTY_LOW_MEMORY, "true");

        ProcessDefaults.apply(properties);

        assertThat(properties.getProperty(ProcessDefaults.NETTY_LOW_MEMORY)).isEqualTo("true");
    }
}

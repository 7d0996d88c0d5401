package org.difflab.distributed.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A master that cannot serve fails with one message naming --master within the stated timeouts, never a hang. */
class ClusterStartTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPortWithNoMasterIsRefusedBeforeSparkStarts() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "spark://127.0.0.1:" + port;
        List<String> log = new ArrayList<>();
        assertThatThrownBy(() -> Cluster.start(SparkOptions.of(url).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)), log::add))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--master = " + url + " is not reachable within 2.0 s (127.0.0.1:" + port + ": Connection refused)");
        assertThat(log).as("nothing started").isEmpty();
    }

    @Test
    void sparkPropertiesMustLookLikeSparkProperties() {
        assertThatThrownBy(() -> SparkOptions.of("local").withConf(List.of("executor.memory=4g")))
                .hasMessage("--conf executor.memory is not allowed: Spark properties start with 'spark.'");
        assertThatThrownBy(() -> SparkOptions.of("local").withConf(List.of("spark.executor.memory")))
                .hasMessage("--conf spark.executor.memory is not allowed: give KEY=VALUE, e.g. spark.executor.memory=4g");
        assertThat(SparkOptions.of("local").withConf(List.of("spark.executor.memory=4g")).conf()).containsEntry("spark.executor.memory", "4g");
    }
}

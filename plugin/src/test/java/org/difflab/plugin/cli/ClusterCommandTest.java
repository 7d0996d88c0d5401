package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code difflab cluster} refuses bad sizes before starting any process (starting one is StandaloneClusterTest's part). */
class ClusterCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--workers|0|--workers = 0 is not allowed",
            "--workers|17|--workers = 17 is not allowed",
            "--cores|0|--cores = 0 is not allowed",
            "--memory|1.5g|--memory = 1.5g is not allowed: a size in megabytes or gigabytes, e.g. 1500m or 4g"})
    void badSizesExitWith2(String option, String value, String message) {
        Cli r = Cli.run("cluster", option, value);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("difflab: error: " + message).doesNotContain("cluster: starting");
    }
}

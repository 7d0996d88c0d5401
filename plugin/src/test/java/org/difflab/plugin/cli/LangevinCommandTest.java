package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import org.difflab.dsl.Langevin;
import org.difflab.dsl.langevin.LangevinIntegrators;
import org.difflab.dsl.langevin.Potentials;
import org.difflab.dsl.sampler.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code difflab langevin}: the public Langevin sampler from the command line, the same bits as the API. */
class LangevinCommandTest {

    @Test
    void samplesTheDoubleWellWithTheApisBitsAndListsTheIntegrators(@TempDir Path dir) throws Exception {
        Path npy = dir.resolve("l.npy");
        Cli r = Cli.run("langevin", "--potential", "doublewell:d=2,a=1", "--integrator", "ulmc", "--steps", "50", "--n", "40", "--seed", "7",
                "--batch", "16", "--out", npy.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("sampled n=40 dim=2 integrator=ulmc potential=doublewell:d=2,a=1.0 h=0.01 steps=50 ");
        double[] expected;
        try (Samples s = Langevin.sampler().potential(Potentials.parse("doublewell:d=2,a=1")).integrator(LangevinIntegrators.parse("ulmc"))
                .steps(50).seed(7).batchSize(16).sample(40)) {
            expected = s.tensor().toType(DataType.FLOAT64, false).toDoubleArray();
        }
        double[][] rows = NpyReader.read(npy);
        assertThat(rows).hasDimensions(40, 2);
        assertThat(rows[39][1]).isEqualTo(expected[79]);
        assertThat(rows[0][0]).isEqualTo(expected[0]);

        Cli list = Cli.run("list", "langevin");
        assertThat(list.out()).contains("lmc", "ulmc", "randomizedMidpoint", "plmc");
        Cli bad = Cli.run("langevin", "--potential", "doublewel", "--n", "3");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("difflab: error: ").contains("doublewel").contains("doublewell");
    }
}

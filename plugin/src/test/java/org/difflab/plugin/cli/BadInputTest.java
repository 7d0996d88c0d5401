package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadInputTest {

    /** A valid sample command line. */
    private static final List<String> SAMPLE = List.of("sample", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps", "10", "--n",
            "10", "--seed", "1");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--steps    | 0                   | --steps = 0",
            "--n        | -5                  | --n = -5",
            "--target   | gmm:preset=ring7x   | preset = ring7x",
            "--integrator | nope              | name = nope",
            "--schedule | linear:T=abc        | T = abc",
            "--target   | gaussian:d=2,var=-1 | var = -1",
            "--dtype    | float16             | --dtype = float16",
            "--out      | samples.txt         | --out = samples.txt",
            "--steps    | ten                 | 'ten'"})
    void badValuesExitWithCode2AndNameTheParameterAndValue(String option, String value, String expected) {
        Cli r = Cli.run(Cli.withOption(SAMPLE, option, value));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("difflab: error: ").contains(expected).doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "check --claim order-nope                                               | --claim = order-nope",
            "eval --target gmm:preset=ring8 --integrator ddim --steps 10          | --target = gmm:preset=ring8",
            "eval --target gaussian:d=2 --integrator ddim --steps 0               | --steps = 0",
            "eval --target gaussian:d=2 --integrator nope --steps 10              | name = nope",
            "eval --target gaussian:d=2 --integrator ddim --steps 10 --metric l2  | --metric = l2",
            "eval --target gaussian:d=2 --integrator ddim --steps 10 --init zero  | --init = zero",
            "eval --target gaussian:d=2 --integrator ddim --steps 10 --reference x2 | --reference = x2",
            "converge --target gaussian:d=2 --integrator ddim --steps 20,10       | steps[1] = 10",
            "converge --target gaussian:d=2 --integrator ddim --steps 10          | steps = [10]",
            "converge --target gaussian:d=2 --integrator ddim, --steps 10,20      | --integrator = ddim,",
            "converge --target gaussian:d=2 --integrator ddim --steps 10,20 --proxy n | --proxy = n",
            "converge --target gaussian:d=2 --integrator ddim --steps 10,20 --plot a.svg | --plot = a.svg",
            "converge --target gaussian:d=2 --integrator ddim --steps 10,x        | 'x'",
            "sample --n 3             | missing options --integrator",
            "frobnicate               | frobnicate"})
    void otherCommandsReportBadInputTheSameWay(String line, String expected) {
        Cli r = Cli.run(line.trim().split("\\s+"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("difflab: error: ").contains(expected);
    }
}

package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadInputTest {

    /** Replaces one option of a valid sample command line with a bad value. */
    private static String[] sampleWith(String option, String value) {
        List<String> args = new ArrayList<>(List.of("sample", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps",
                "10", "--n", "10", "--seed", "1"));
        int at = args.indexOf(option);
        if (at < 0) {
            args.add(option);
            args.add(value);
        } else {
            args.set(at + 1, value);
        }
        return args.toArray(String[]::new);
    }

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
        Cli r = Cli.run(sampleWith(option, value));
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
            "sample --n 3             | Missing required options",
            "frobnicate               | frobnicate"})
    void otherCommandsReportBadInputTheSameWay(String line, String expected) {
        Cli r = Cli.run(line.trim().split("\\s+"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("difflab: error: ").contains(expected);
    }
}

package org.difflab.theory.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paired distances: the reference's MMD^2 is Gretton et al.'s statistic written out directly (and {@link Mmd}'s, up to
 * its cross term without i = j pairs); a run paired row by row with the reference gets a standard error of its
 * difference below the combined one of two separate estimates, and that paired error matches the spread of the
 * difference over independent repetitions.
 */
class PairedDistancesTest {

    private static double[][] shifted(double[][] rows, double by) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] += by;
            }
        }
        return out;
    }

    /** Gretton et al. (2012) eq. (3), bandwidth = median pairwise distance of x and y pooled, written out directly. */
    private static double bruteForceMmd(double[][] x, double[][] y) {
        double[][] pool = new double[x.length + y.length][];
        System.arraycopy(x, 0, pool, 0, x.length);
        System.arraycopy(y, 0, pool, x.length, y.length);
        java.util.List<Double> d = new java.util.ArrayList<>();
        for (int i = 0; i < pool.length; i++) {
            for (int j = i + 1; j < pool.length; j++) {
                d.add(distance(pool[i], pool[j]));
            }
        }
        java.util.Collections.sort(d);
        double h = d.size() % 2 == 1 ? d.get(d.size() / 2) : (d.get(d.size() / 2 - 1) + d.get(d.size() / 2)) / 2;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (double[] a : x) {
            for (double[] b : x) {
                xx += a == b ? 0 : Math.exp(-Math.pow(distance(a, b), 2) / (2 * h * h));
            }
            for (double[] b : y) {
                xy += Math.exp(-Math.pow(distance(a, b), 2) / (2 * h * h));
            }
        }
        for (double[] a : y) {
            for (double[] b : y) {
                yy += a == b ? 0 : Math.exp(-Math.pow(distance(a, b), 2) / (2 * h * h));
            }
        }
        int m = x.length;
        int n = y.length;
        return xx / (m * (m - 1.0)) + yy / (n * (n - 1.0)) - 2 * xy / ((double) m * n);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(s);
    }

    @Test
    void referenceMmdEqualsTheMedianHeuristicMmd() {
        double[][] run = Normals.draw(3, 0.3, 1, 150, 1);
        double[][] truth = Normals.draw(3, 0, 1, 150, 2);
        PairedDistances p = PairedDistances.mmd(List.<double[][]>of(run), truth, 20, 3);
        assertThat(p.values()[0]).isCloseTo(bruteForceMmd(run, truth), org.assertj.core.data.Offset.offset(1e-12));
        double estimator = new Mmd(Double.NaN, 1000, 100, 4).between(run, truth).value(); // cross term without i = j pairs
        assertThat(p.values()[0]).isCloseTo(estimator, org.assertj.core.data.Offset.offset(0.1 * p.standardErrors()[0]));
        assertThat(p.differences()[0]).isZero();
        assertThat(p.differenceErrors()[0]).isZero();
    }

    @Test
    void pairingShrinksTheErrorOfADifferenceToItsTrueSpread() {
        int reps = 30;
        double[][] diffs = new double[2][reps];
        PairedDistances last = null;
        PairedDistances lastMmd = null;
        for (int r = 0; r < reps; r++) {
            double[][] reference = Normals.draw(4, 0, 1, 200, 10 + r);
            double[][] run = shifted(reference, 0.15);
            double[][] truth = Normals.draw(4, 0, 1, 200, 100 + r);
            PairedDistances mmd = PairedDistances.mmd(List.of(reference, run), truth, 100, r);
            PairedDistances sw = PairedDistances.slicedW2(List.of(reference, run), truth, 32, 100, r);
            diffs[0][r] = mmd.differences()[1];
            diffs[1][r] = sw.differences()[1];
            last = sw;
            lastMmd = mmd;
            if (r == 0) {
                for (PairedDistances p : List.of(mmd, sw)) {
                    double combined = Math.hypot(p.standardErrors()[0], p.standardErrors()[1]);
                    System.out.printf("%s: difference %.4g, paired s.e. %.3g, combined s.e. %.3g%n", p.method(), p.differences()[1],
                            p.differenceErrors()[1], combined);
                    assertThat(p.differenceErrors()[1]).isLessThan(combined);
                }
            }
        }
        double spread = Bootstrap.sd(diffs[1]);
        System.out.printf("sliced W2^2 difference: spread over %d repetitions %.3g, paired bootstrap s.e. %.3g%n", reps, spread,
                last.differenceErrors()[1]);
        assertThat(last.differenceErrors()[1]).isBetween(spread / 2, spread * 2);
        double mmdSpread = Bootstrap.sd(diffs[0]);
        System.out.printf("MMD^2 difference: spread over %d repetitions %.3g, paired bootstrap s.e. %.3g%n", reps, mmdSpread, lastMmd.differenceErrors()[1]);
        assertThat(lastMmd.differenceErrors()[1]).isBetween(mmdSpread / 2, mmdSpread * 2);
        assertThat(java.util.Arrays.stream(diffs[0]).average().orElseThrow()).as("the shifted run is farther").isPositive();
    }

    @Test
    void rejectsRunsThatCannotBePaired() {
        double[][] truth = Normals.draw(2, 0, 1, 20, 1);
        assertThatThrownBy(() -> PairedDistances.mmd(List.of(), truth, 10, 1)).hasMessageContaining("runs = []");
        assertThatThrownBy(() -> PairedDistances.mmd(List.of(Normals.draw(2, 0, 1, 20, 2), Normals.draw(2, 0, 1, 19, 3)), truth, 10, 1))
                .hasMessageContaining("runs[1] has 19 rows");
        assertThatThrownBy(() -> PairedDistances.slicedW2(List.<double[][]>of(Normals.draw(3, 0, 1, 20, 2)), truth, 8, 10, 1))
                .hasMessageContaining("dimension 3");
        assertThatThrownBy(() -> PairedDistances.slicedW2(List.<double[][]>of(Normals.draw(2, 0, 1, 20, 2)), truth, 0, 10, 1))
                .hasMessageContaining("directions = 0");
        assertThatThrownBy(() -> PairedDistances.mmd(List.<double[][]>of(Normals.draw(2, 0, 1, 20, 2)), truth, 1, 1)).hasMessageContaining("resamples = 1");
    }
}

package org.difflab.theory.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Test fixtures: the feature sets drawn by the numpy oracle {@code oracles/feature_distances.py} (read from the CSV it
 * writes), its generating Gaussians, and seeded Gaussian rows drawn here.
 */
final class FeatureFixtures {
    /** The oracle's generating means and covariances (printed by feature_distances.py). */
    static final double[] MEAN_A = {0, 0, 0, 0, 0};
    static final double[] MEAN_B = {0.5, -0.25, 0.0, 1.0, 0.125};
    static final double[][] COV_A = {
            {0.6834609653318229, -0.5909256883261454, 0.7458434711373643, -0.6681942090953223, 0.006548032738731325},
            {-0.5909256883261454, 1.4542232295099164, -1.5393136825341731, 0.6296811171509814, -0.37108560216141434},
            {0.7458434711373643, -1.5393136825341731, 2.6129684602258934, -1.821910208097538, 0.1379195832985924},
            {-0.6681942090953223, 0.6296811171509814, -1.821910208097538, 2.3303201067065205, 0.1740046798966932},
            {0.006548032738731325, -0.37108560216141434, 0.1379195832985924, 0.1740046798966932, 0.8245094315240632}};
    static final double[][] COV_B = {
            {2.1417992979289746, -0.2582728734373228, 0.005486918694191386, -0.4412706262446376, 0.019651623919919006},
            {-0.2582728734373228, 0.6354783347086211, -0.1617824988459628, 0.09516154808016206, -0.34885032285882905},
            {0.005486918694191386, -0.1617824988459628, 0.5958186446819955, 0.4065312856448231, 0.033991645741796334},
            {-0.4412706262446376, 0.09516154808016206, 0.4065312856448231, 1.1485678686859602, 0.19436162160185727},
            {0.019651623919919006, -0.34885032285882905, 0.033991645741796334, 0.19436162160185727, 0.9512643098789021}};

    private FeatureFixtures() {}

    /** The oracle's set {@code name} ("a": 60 rows, "b": 45 rows, 5 features). */
    static double[][] oracleSet(String name) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(FeatureFixtures.class.getResourceAsStream("/oracles/feature_distances.csv")), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",");
                if (cells[0].equals(name)) {
                    rows.add(Arrays.stream(cells, 1, cells.length).mapToDouble(Double::parseDouble).toArray());
                }
            }
        }
        return rows.toArray(double[][]::new);
    }

    /** Rows from..to (exclusive) of a set. */
    static double[][] rows(double[][] set, int from, int to) {
        return Arrays.copyOfRange(set, from, to);
    }

    /** n seeded draws of N(mean, cov) (Cholesky factor times standard normals). */
    static double[][] gaussian(double[] mean, double[][] cov, int n, long seed) {
        RealMatrix factor = new CholeskyDecomposition(new Array2DRowRealMatrix(cov)).getL();
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(RandomSource.SPLIT_MIX_64.create(seed));
        double[][] out = new double[n][];
        double[] z = new double[mean.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < z.length; j++) {
                z[j] = normal.sample();
            }
            double[] row = factor.operate(z);
            for (int j = 0; j < row.length; j++) {
                row[j] += mean[j];
            }
            out[i] = row;
        }
        return out;
    }

    /** n seeded draws of N(mean 1, I) in d dimensions plus {@code shift} on every coordinate. */
    static double[][] isotropic(int d, double shift, int n, long seed) {
        double[][] identity = new double[d][d];
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            identity[j][j] = 1;
            mean[j] = 1 + shift;
        }
        return gaussian(mean, identity, n, seed);
    }
}

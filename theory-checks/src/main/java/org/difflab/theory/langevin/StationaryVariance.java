package org.difflab.theory.langevin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.difflab.dsl.Langevin;
import org.difflab.dsl.Require;
import org.difflab.dsl.integrator.Solve;
import org.difflab.dsl.langevin.LangevinIntegrator;
import org.difflab.dsl.langevin.LangevinProblem;
import org.difflab.dsl.langevin.TargetPotential;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.convergence.OrderFit;
import org.difflab.theory.montecarlo.Estimate;

/**
 * The stationary variance of a Langevin sampler on the 1-D standard Gaussian (b(x) = -x, truth 1; research note
 * section 9.1), measured two ways with the sampler's own code:
 * <ul>
 *   <li>{@link #probe}: one step on probe rows gives the step's affine map X' = C X + N exactly over its Gaussian draws
 *       (rows with initial state 0 and the unit states, no noise; rows with a unit impulse on one draw), for R
 *       realisations of its auxiliary draws (random midpoints, Bernoulli selections) at once; the stationary covariance
 *       solves Sigma = E[C Sigma C^T] + E[N N^T], so V = E[N^2]/(1 - E[c^2]) when overdamped, with a delta-method
 *       standard error over the realisations, which come in tuples of lattice shifts and antithetics
 *       ({@link StepProbeNoise}). No Monte Carlo error at all when the step draws no auxiliary randomness.</li>
 *   <li>{@link #monteCarlo}: N chains from N(0, 1) run with the real sampler; the sample variance of the final positions
 *       with its standard error.</li>
 * </ul>
 * {@link #biasOrder} fits the slope of |V - 1| against h (LMC ~1, coupled RLMC ~3, PLMC with large K ~2).
 * The closed forms to compare with are in {@link StationaryVarianceClosedForm}.
 */
public final class StationaryVariance {
    /** Elements per probe batch: ops on more than 2^15 elements start the engine's intra-op thread pool, slower on a busy machine. */
    private static final int PROBE_ELEMENTS = 1 << 15;

    private StationaryVariance() {}

    /** {@link #probe(LangevinIntegrator, double, double, int, int, long)} with friction 2 and antithetic pairs (lattice 1). */
    public static StepMapMoments probe(LangevinIntegrator integrator, double stepSize, int realisations, long seed) {
        return probe(integrator, stepSize, 2, realisations, 1, seed);
    }

    /**
     * The probed step map and stationary law of {@code integrator} at step size h on the 1-D standard Gaussian.
     *
     * @param friction     gamma, for underdamped integrators
     * @param realisations R, auxiliary realisations in [1, 10^9], rounded up to whole tuples of 2L (1 is used when the
     *                     step draws no auxiliary randomness)
     * @param lattice      L in [1, 100000]: auxiliary uniforms are drawn in tuples of L lattice shifts and their antithetics
     *                     ({@link StepProbeNoise}); 1 suits random midpoints, K suits Bernoulli(1/K) selections
     * @param seed         seed of the auxiliary draws
     */
    public static StepMapMoments probe(LangevinIntegrator integrator, double stepSize, double friction, int realisations, int lattice,
            long seed) {
        Require.notNull("integrator", integrator);
        Require.inRange("realisations", realisations, 1, 1_000_000_000);
        Require.inRange("lattice", lattice, 1, 100_000);
        LangevinProblem problem = new LangevinProblem(new TargetPotential(Targets.gaussian(1)), stepSize, friction);
        int m = integrator.dynamics().stateFactor();
        int lead = 1 + m;
        StepProbeNoise pilot = StepProbeNoise.counting(seed, lattice, 0, 1);
        try (NDManager manager = NDManager.newBaseManager()) {
            step(manager, integrator, problem, pilot, new double[m]);
        }
        boolean exact = !pilot.usedAuxiliary();
        int tuple = StepProbeNoise.tupleSize(lattice);
        long total = exact ? 1 : (realisations + tuple - 1L) / tuple * tuple;
        int perGroup = lead + pilot.draws();
        int groupsPerBatch = pilot.usedShared() ? 1 : Math.max(1, PROBE_ELEMENTS / (perGroup * m));
        Moments moments = new Moments(m, exact ? 1 : tuple);
        String spec = integrator.spec();
        int draws = -1;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (long done = 0; done < total; ) {
                int groups = (int) Math.min(groupsPerBatch, total - done);
                StepProbeNoise counting = StepProbeNoise.counting(seed, lattice, done, groups);
                step(manager, integrator, problem, counting, new double[groups * m]);
                StepProbeNoise probe = counting.probe(lead);
                int per = probe.rowsPerGroup();
                double[] initial = new double[groups * per * m];
                for (int g = 0; g < groups; g++) {
                    for (int j = 0; j < m; j++) {
                        initial[(g * per + 1 + j) * m + j] = 1;
                    }
                }
                double[] out = step(manager, integrator, problem, probe, initial);
                probe.verifyComplete();
                draws = per - lead;
                for (int g = 0; g < groups; g++) {
                    moments.add(out, g * per, lead, per - lead, spec);
                }
                done += groups;
            }
        }
        return moments.result(spec, stepSize, friction, total, draws, exact);
    }

    /** Runs one step from the given initial states (row-major [rows, m]) and returns the final states. */
    private static double[] step(NDManager manager, LangevinIntegrator integrator, LangevinProblem problem, StepProbeNoise noise, double[] initial) {
        try (NDManager batch = manager.newSubManager()) {
            int m = integrator.dynamics().stateFactor();
            NDArray x = batch.create(initial, new Shape(initial.length / m, m));
            return Solve.run(integrator, problem, 1, noise, List.of(), x).x().toDoubleArray();
        }
    }

    /**
     * Running sums of the statistics (C_00, C (x) C, Q = sum_k a_k a_k^T) of the tuples' means, shifted by the first
     * tuple's.
     */
    private static final class Moments {
        private final int m;
        private final int p;
        private final int tuple;
        private final double[] pending;
        private int members;
        private double[] shift;
        private final double[] sum;
        private final double[][] cross;
        private long n;

        Moments(int m, int tuple) {
            this.m = m;
            this.p = 1 + m * m * m * m + m * m;
            this.tuple = tuple;
            this.pending = new double[p];
            this.sum = new double[p];
            this.cross = new double[p][p];
        }

        /** Adds one realisation; a tuple's mean enters the sums when its last member arrives. */
        void add(double[] out, int firstRow, int lead, int draws, String spec) {
            double[] base = new double[m];
            for (int i = 0; i < m; i++) {
                base[i] = out[firstRow * m + i];
                if (Math.abs(base[i]) > 1e-12) {
                    throw new IllegalStateException(spec + " moves the zero state without noise to " + base[i]
                            + ": the step on b(x) = -x has a constant part, so it is not the linear map the stationary variance assumes");
                }
            }
            double[][] c = new double[m][m];
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < m; i++) {
                    c[i][j] = out[(firstRow + 1 + j) * m + i] - base[i];
                }
            }
            double[][] q = new double[m][m];
            for (int k = 0; k < draws; k++) {
                for (int i = 0; i < m; i++) {
                    double ai = out[(firstRow + lead + k) * m + i] - base[i];
                    for (int j = 0; j < m; j++) {
                        q[i][j] += ai * (out[(firstRow + lead + k) * m + j] - base[j]);
                    }
                }
            }
            double[] s = new double[p];
            s[0] = c[0][0];
            int at = 1;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    for (int k = 0; k < m; k++) {
                        for (int l = 0; l < m; l++) {
                            s[at++] = c[i][k] * c[j][l];
                        }
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    s[at++] = q[i][j];
                }
            }
            for (int a = 0; a < p; a++) {
                pending[a] += s[a] / tuple;
            }
            if (++members < tuple) {
                return;
            }
            s = pending.clone();
            Arrays.fill(pending, 0);
            members = 0;
            if (shift == null) {
                shift = s.clone();
            }
            for (int a = 0; a < p; a++) {
                double da = s[a] - shift[a];
                sum[a] += da;
                for (int b = 0; b < p; b++) {
                    cross[a][b] += da * (s[b] - shift[b]);
                }
            }
            n++;
        }

        StepMapMoments result(String spec, double h, double gamma, long realisations, int draws, boolean exact) {
            double[] mean = new double[p];
            double[][] cov = new double[p][p];
            for (int a = 0; a < p; a++) {
                mean[a] = shift[a] + sum[a] / n;
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    cov[a][b] = n < 2 ? 0 : (cross[a][b] - sum[a] * sum[b] / n) / (n - 1);
                }
            }
            int mm = m * m;
            RealMatrix l = new Array2DRowRealMatrix(mm, mm);
            double[] qBar = new double[mm];
            for (int a = 0; a < mm; a++) {
                for (int b = 0; b < mm; b++) {
                    l.setEntry(a, b, (a == b ? 1 : 0) - mean[1 + a * mm + b]);
                }
                qBar[a] = mean[1 + mm * mm + a];
            }
            DecompositionSolver solver = new LUDecomposition(l).getSolver();
            double[] sigma = solver.solve(new ArrayRealVector(qBar)).toArray();
            double[] unit = new double[mm];
            unit[0] = 1;
            double[] ell = new LUDecomposition(l.transpose()).getSolver().solve(new ArrayRealVector(unit)).toArray();
            // psi_r = ell . (q_r - qBar + (M_r - MBar) vec Sigma): the linearisation of Sigma_00 in the realisation's statistics
            double[] w = new double[p];
            for (int a = 0; a < mm; a++) {
                for (int b = 0; b < mm; b++) {
                    w[1 + a * mm + b] = ell[a] * sigma[b];
                }
                w[1 + mm * mm + a] = ell[a];
            }
            double var = 0;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    var += w[a] * cov[a][b] * w[b];
                }
            }
            double[][] covariance = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    covariance[i][j] = sigma[i * m + j];
                }
            }
            String how = exact ? String.format("exact: one probed step, %d Gaussian draws, no auxiliary randomness", draws)
                    : String.format("one probed step, exact over %d Gaussian draws, %d auxiliary realisations in %d tuples of %d "
                            + "(lattice and antithetic)", draws, realisations, n, tuple);
            return new StepMapMoments(spec, h, gamma, m, realisations, draws, exact,
                    new Estimate(mean[0], Math.sqrt(cov[0][0] / n), how),
                    new Estimate(mean[1], Math.sqrt(cov[1][1] / n), how),
                    new Estimate(mean[1 + mm * mm], Math.sqrt(cov[1 + mm * mm][1 + mm * mm] / n), how),
                    new Estimate(sigma[0], Math.sqrt(Math.max(var, 0) / n), how + "; se by the delta method"), covariance);
        }
    }

    /** {@link #monteCarlo(LangevinIntegrator, double, double, int, int, long)} with friction 2. */
    public static Estimate monteCarlo(LangevinIntegrator integrator, double stepSize, int chains, int steps, long seed) {
        return monteCarlo(integrator, stepSize, 2, chains, steps, seed);
    }

    /**
     * The sample variance of the final positions of {@code chains} chains run {@code steps} steps from N(0, 1) (velocities
     * N(0, 1)) on the 1-D standard Gaussian, in float64, with its standard error sqrt((m4 - s^4)/N).
     */
    public static Estimate monteCarlo(LangevinIntegrator integrator, double stepSize, double friction, int chains, int steps, long seed) {
        Require.inRange("chains", chains, 2, 100_000_000);
        double[] x;
        try (Samples s = Langevin.sampler().target(Targets.gaussian(1)).integrator(integrator).stepSize(stepSize).friction(friction)
                .steps(steps).seed(seed).dataType(DataType.FLOAT64).batchSize(Math.min(chains, PROBE_ELEMENTS)).sample(chains)) {
            x = s.tensor().toDoubleArray();
        }
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double c = (v - mean) * (v - mean);
            m2 += c / x.length;
            m4 += c * c / x.length;
        }
        double s2 = m2 * x.length / (x.length - 1);
        return new Estimate(s2, Math.sqrt(Math.max(m4 - m2 * m2, 0) / x.length), String.format(
                "sample variance of %d chains after %d steps of h = %s from N(0, 1), seed %d; se sqrt((m4 - s^4)/N)", chains, steps, stepSize, seed));
    }

    /**
     * The order of the stationary variance's bias: probes at each step size (arguments as for
     * {@link #probe(LangevinIntegrator, double, double, int, int, long)}, seed + i at the i-th) and fits log |V - 1| against
     * log h with {@link OrderFit} (next-order term included from 4 step sizes on).
     */
    public static BiasOrder biasOrder(LangevinIntegrator integrator, double[] stepSizes, double friction, int realisations, int lattice,
            long seed) {
        Require.notNull("stepSizes", stepSizes);
        List<StepMapMoments> points = new ArrayList<>();
        double[] bias = new double[stepSizes.length];
        for (int i = 0; i < stepSizes.length; i++) {
            StepMapMoments p = probe(integrator, stepSizes[i], friction, realisations, lattice, seed + i);
            points.add(p);
            bias[i] = p.bias();
        }
        return new BiasOrder(integrator.spec(), stepSizes.clone(), points, OrderFit.ofStepSizes(stepSizes, bias));
    }
}

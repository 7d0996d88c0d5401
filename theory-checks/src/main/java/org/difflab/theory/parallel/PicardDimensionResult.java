package org.difflab.theory.parallel;

import java.util.List;

/**
 * The outcome of a {@link PicardDimensionStudy} for one noise scale lambda: per dimension the horizon, the sequential
 * step count, the Picard blocks' grid, blocks, sweeps and rounds, and the growth exponents.
 *
 * @param lambda      noise scale of both samplers (1: reverse SDE, 0: probability-flow ODE)
 * @param eps         the TV tolerance
 * @param blockLength the blocks' length h in OU time
 * @param rows        one row per dimension, in increasing d
 */
public record PicardDimensionResult(double lambda, double eps, double blockLength, List<Row> rows) {

    /**
     * One dimension.
     *
     * @param dim         d
     * @param horizon     S(d), the schedule's horizon in OU time
     * @param seqSteps    T_seq: smallest step count of the sequential exponential integrator with TV <= eps
     * @param seqError    its TV at T_seq
     * @param seqMonotone every sequential TV evaluated agreed with T_seq and the grid's count being first crossings
     * @param gridSteps   steps of the Picard grid: the sequential count for eps / 2
     * @param blocks      N(d): blocks of OU time at most the block length
     * @param largest     points of the largest block
     * @param sweeps      K: smallest fixed sweeps per block with TV <= eps at K and at K + 1 (or K = largest)
     * @param rounds      sequential batched model calls: sum over blocks of min(K, block points)
     * @param error       TV of the Picard blocks at K
     * @param lucky       a smaller K among those scanned passed once and failed at K + 1 (the TV is not monotone in K below the
     *                    answer)
     * @param firstSweep  the smallest sweep count scanned: 1 in the first dimension, near the previous dimension's K after
     * @param errors      TV at sweeps firstSweep, firstSweep + 1, ... as scanned (every count from firstSweep to K + 1)
     */
    public record Row(int dim, double horizon, int seqSteps, double seqError, boolean seqMonotone, int gridSteps, int blocks, int largest, int sweeps,
                      int rounds, double error, boolean lucky, int firstSweep, double[] errors) {
        public Row {
            errors = errors.clone();
        }

        @Override
        public double[] errors() {
            return errors.clone();
        }
    }

    public PicardDimensionResult {
        rows = List.copyOf(rows);
    }

    /** The dimensions, as doubles for fits. */
    public double[] dims() {
        return rows.stream().mapToDouble(Row::dim).toArray();
    }

    /** Exponent of T_seq in d. */
    public PowerFit sequentialExponent() {
        return PowerFit.of(dims(), rows.stream().mapToDouble(Row::seqSteps).toArray());
    }

    /** Exponent of the rounds in d. */
    public PowerFit roundsExponent() {
        return PowerFit.of(dims(), rows.stream().mapToDouble(Row::rounds).toArray());
    }

    /** Exponent c of the rounds in ln d: rounds ~ (ln d)^c. */
    public PowerFit roundsLogExponent() {
        return PowerFit.of(rows.stream().mapToDouble(r -> Math.log(r.dim())).toArray(), rows.stream().mapToDouble(Row::rounds).toArray());
    }
}

package org.difflab.dsl.hierarchy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.difflab.dsl.Require;
import org.difflab.dsl.tensor.RowReductions;

/**
 * Level differences of a {@link ModelHierarchy} over a set of states: delta_k = RMS over the states of
 * ||s^k(x) - s^{k-1}(x)|| (Euclidean norm of one sample's difference; s^0 is the hierarchy's base, or 0 without one,
 * when delta_1 = RMS||s^1|| is the size of the coarsest score), overall and per time bin, and the HTMC exponent gamma fitted from them ({@link GammaFit}).
 *
 * <p><b>Why.</b> delta_k is what multilevel Euler-Maruyama's variance needs (Jacot 2026, arXiv 2603.24594; research
 * note mlem_parallel.md, section A.2: rates lambda_k = Lambda delta_k / sqrt(C_k), per time bin when delta_k depends on
 * t) and the preferred accuracy proxy for measuring gamma (section A.4, option (a); "fit per time bin as well"). The
 * protocol is the note's reconstruction, not the paper's (its details are unknown).
 *
 * <p>Each state batch is weighted by its number of rows: delta_k^2 = sum over all rows of ||Delta_k(x)||^2 / rows.
 * Time bins are half-open intervals [e_i, e_{i+1}) of the noise level's t (the schedule's own time units), the last
 * one closed; every batch must fall in a bin. A bin without states has NaN deltas. Sums are accumulated in float64
 * whatever the dtype of the states; every level is evaluated once per batch and its arrays are freed at once.
 */
public final class LevelDifferences {

    /** Levels fitted by default start here: without a base delta_1 is the size of the score, not an accuracy increment. */
    public static final int DEFAULT_FIRST_LEVEL = 2;

    private final double[] costs;
    private final double[] binEdges; // null: one bin
    private final double[][] sumSquares; // [bin][k - 1]
    private final long[] rows; // [bin]

    private LevelDifferences(double[] costs, double[] binEdges, double[][] sumSquares, long[] rows) {
        this.costs = costs;
        this.binEdges = binEdges;
        this.sumSquares = sumSquares;
        this.rows = rows;
    }

    /** delta_k over all states, in one bin. */
    public static LevelDifferences measure(ModelHierarchy hierarchy, List<StateBatch> states) {
        return measure(hierarchy, states, null);
    }

    /**
     * delta_k over all states and per time bin; {@code binEdges} e_0 &lt; e_1 &lt; ... &lt; e_n gives n bins by the
     * states' t (null: one bin holding every state).
     */
    public static LevelDifferences measure(ModelHierarchy hierarchy, List<StateBatch> states, double[] binEdges) {
        Require.notNull("hierarchy", hierarchy);
        Require.notNull("states", states);
        if (states.isEmpty()) {
            throw new IllegalArgumentException("states = [] is not allowed: level differences need at least 1 state batch");
        }
        int bins = 1;
        if (binEdges != null) {
            Require.finite("binEdges", binEdges);
            if (binEdges.length < 2) {
                throw new IllegalArgumentException("binEdges has " + binEdges.length + " entries, which is not allowed: "
                        + "at least 2 (one bin) are needed");
            }
            for (int i = 1; i < binEdges.length; i++) {
                Require.less("binEdges[" + (i - 1) + "]", binEdges[i - 1], "binEdges[" + i + "]", binEdges[i]);
            }
            bins = binEdges.length - 1;
            binEdges = binEdges.clone();
        }
        int levels = hierarchy.size();
        Shape event = hierarchy.eventShape();
        double[][] sums = new double[bins][levels];
        long[] rows = new long[bins];
        for (int b = 0; b < states.size(); b++) {
            StateBatch batch = states.get(b);
            if (batch == null) {
                throw new IllegalArgumentException("states[" + b + "] is missing: must not be null");
            }
            Shape shape = batch.x().getShape();
            if (shape.dimension() < 2 || !shape.slice(1).equals(event)) {
                throw new IllegalArgumentException("states[" + b + "].x has shape " + shape + ", which is not allowed: "
                        + "must be [B, " + event + "...] with the hierarchy's event shape " + event);
            }
            int bin = bin(binEdges, batch.level().t(), b);
            double[][] perRow = squaredNorms(hierarchy, batch);
            for (int k = 0; k < levels; k++) {
                for (double v : perRow[k]) {
                    sums[bin][k] += v;
                }
            }
            rows[bin] += shape.get(0);
        }
        return new LevelDifferences(hierarchy.costs(), binEdges, sums, rows);
    }

    private static int bin(double[] edges, double t, int index) {
        if (edges == null) {
            return 0;
        }
        int last = edges.length - 1;
        if (t < edges[0] || t > edges[last]) {
            throw new IllegalArgumentException("states[" + index + "].level().t() = " + t + " is not allowed: must lie in ["
                    + edges[0] + ", " + edges[last] + "], the range of binEdges");
        }
        for (int i = 1; i < last; i++) {
            if (t < edges[i]) {
                return i - 1;
            }
        }
        return last - 1;
    }

    /** ||Delta_k(x)||^2 per row, for k = 1..K, each level evaluated once. */
    private static double[][] squaredNorms(ModelHierarchy hierarchy, StateBatch batch) {
        int levels = hierarchy.size();
        double[][] out = new double[levels][];
        NDArray x = batch.x();
        try (NDScope ignored = new NDScope()) {
            NDArray previous = hierarchy.base().isPresent() ? hierarchy.score(0, x, batch.level()) : null;
            for (int k = 1; k <= levels; k++) {
                NDArray s = hierarchy.score(k, x, batch.level());
                NDArray diff = previous == null ? s : s.sub(previous);
                out[k - 1] = RowReductions.sumsOfSquares(diff);
                previous = s;
            }
        }
        return out;
    }

    /** Number of levels K. */
    public int levels() {
        return costs.length;
    }

    /** Number of time bins (1 without bin edges). */
    public int bins() {
        return rows.length;
    }

    /** The bin edges (a copy; null when there is one bin over all states). */
    public double[] binEdges() {
        return binEdges == null ? null : binEdges.clone();
    }

    /** Number of states (rows) over all bins. */
    public long rows() {
        return Arrays.stream(rows).sum();
    }

    /** Number of states (rows) in one bin. */
    public long rows(int bin) {
        return rows[Require.inRange("bin", bin, 0, rows.length - 1)];
    }

    /** delta_k over all states, 1 &lt;= k &lt;= K. */
    public double delta(int k) {
        Require.inRange("k", k, 1, levels());
        double sum = 0;
        for (double[] s : sumSquares) {
            sum += s[k - 1];
        }
        return Math.sqrt(sum / rows());
    }

    /** delta_k in one bin (NaN when the bin holds no states). */
    public double delta(int bin, int k) {
        Require.inRange("bin", bin, 0, rows.length - 1);
        Require.inRange("k", k, 1, levels());
        return rows[bin] == 0 ? Double.NaN : Math.sqrt(sumSquares[bin][k - 1] / rows[bin]);
    }

    /** delta_1..delta_K over all states (index 0 = level 1). */
    public double[] deltas() {
        return IntStream.rangeClosed(1, levels()).mapToDouble(this::delta).toArray();
    }

    /** delta_1..delta_K in one bin (index 0 = level 1). */
    public double[] deltas(int bin) {
        return IntStream.rangeClosed(1, levels()).mapToDouble(k -> delta(bin, k)).toArray();
    }

    /**
     * These differences as the pilot of a multilevel sampler ({@link ModelHierarchy#withDifferences(PilotDifferences)}), per
     * time bin when they were measured in bins; a bin without states takes the overall delta_k.
     */
    public PilotDifferences pilot() {
        double[] overall = deltas();
        double[][] d = new double[bins()][];
        for (int b = 0; b < d.length; b++) {
            d[b] = rows(b) == 0 ? overall.clone() : deltas(b);
        }
        return new PilotDifferences(binEdges(), d);
    }

    /** The costs C_1..C_K of the hierarchy measured (a copy). */
    public double[] costs() {
        return costs.clone();
    }

    /** gamma over all states, levels {@value #DEFAULT_FIRST_LEVEL}..K. */
    public GammaFit gamma() {
        return gamma(DEFAULT_FIRST_LEVEL);
    }

    /** gamma over all states, levels firstLevel..K. */
    public GammaFit gamma(int firstLevel) {
        return GammaFit.fit(costs, deltas(), firstLevel);
    }

    /** gamma in one bin, levels {@value #DEFAULT_FIRST_LEVEL}..K. */
    public GammaFit gammaInBin(int bin) {
        return gammaInBin(bin, DEFAULT_FIRST_LEVEL);
    }

    /** gamma in one bin, levels firstLevel..K. */
    public GammaFit gammaInBin(int bin, int firstLevel) {
        return GammaFit.fit(costs, deltas(bin), firstLevel);
    }

    /** A table: one row per level with its cost, delta overall and per bin. */
    public String describe() {
        StringBuilder b = new StringBuilder(String.format("level differences over %d states", rows()));
        b.append("\n  k  cost        delta");
        for (int i = 0; binEdges != null && i < bins(); i++) {
            b.append(String.format("  bin [%g, %g]", binEdges[i], binEdges[i + 1]));
        }
        for (int k = 1; k <= levels(); k++) {
            b.append(String.format("%n  %-2d %-11.4g %-11.4g", k, costs[k - 1], delta(k)));
            for (int i = 0; binEdges != null && i < bins(); i++) {
                b.append(String.format("  %-13.4g", delta(i, k)));
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}

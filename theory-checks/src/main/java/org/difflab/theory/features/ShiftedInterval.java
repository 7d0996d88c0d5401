package org.difflab.theory.features;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The bias-shifted percentile interval of a bootstrap (Efron and Tibshirani 1993, ch. 13 and section 10.2): the
 * resamples' central percentile interval moved by the bias estimate mean(resamples) - value, so that it is centred on
 * the value with the resamples' spread and skew (see {@link PercentileBootstrap} for why FD needs the shift). Quantiles
 * interpolate linearly (numpy's default, Hyndman and Fan's type 7).
 *
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 * @param bias  the bias estimate removed from the percentiles
 */
record ShiftedInterval(double lower, double upper, double bias) {

    /** The interval of level {@code level} from the resampled {@code values} of a statistic whose value is {@code value}. */
    static ShiftedInterval of(double[] values, double value, double level) {
        double bias = new Mean().evaluate(values) - value;
        Percentile quantile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        quantile.setData(values);
        double tail = 100 * (1 - level) / 2;
        return new ShiftedInterval(quantile.evaluate(tail) - bias, quantile.evaluate(100 - tail) - bias, bias);
    }
}

package org.difflab.theory.claims;

/**
 * One judged number of a claim: for one integrator or case, the measured quantity with its 95% interval (NaN ends
 * when there is none: an exact value), what the interval is, what the claim expects, and the verdict with its reason.
 *
 * @param subject     the integrator spec or case, e.g. {@code heun} or {@code plmc:K=10 at eta = 0.1}
 * @param quantity    what was measured, e.g. {@code order}, {@code exponent b}, {@code stationary variance}
 * @param value       the measured value
 * @param lower       lower end of its 95% interval (NaN when exact or unknown)
 * @param upper       upper end of its 95% interval (NaN when exact or unknown)
 * @param uncertainty what the interval is, e.g. {@code exact}, {@code 95% CI of the OLS slope}, {@code +-1.96 s.e. over 64
 *                    realisations}
 * @param expected    what the claim expects, in words or as a number, e.g. {@code 2}, {@code <= 1}, {@code 1.052632}
 * @param judgement   the verdict and why
 */
public record Check(String subject, String quantity, double value, double lower, double upper, String uncertainty, String expected,
                    Judgement judgement) {

    /** A check whose uncertainty is described generically: {@code exact} without an interval, {@code 95% interval} with one. */
    public Check(String subject, String quantity, double value, double lower, double upper, String expected, Judgement judgement) {
        this(subject, quantity, value, lower, upper, Double.isNaN(lower) && Double.isNaN(upper) ? "exact" : "95% interval", expected, judgement);
    }

    public Check {
        if (subject == null || quantity == null || uncertainty == null || expected == null || judgement == null) {
            throw new IllegalArgumentException("subject = " + subject + ", quantity = " + quantity + ", uncertainty = " + uncertainty
                    + ", expected = " + expected + ", judgement = " + judgement + ": none may be null");
        }
    }

    public Verdict verdict() {
        return judgement.verdict();
    }
}

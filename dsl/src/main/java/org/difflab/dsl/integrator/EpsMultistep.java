package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.function.IntUnaryOperator;
import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

/**
 * The multistep samplers that extrapolate their last {@code order} noise predictions in k-diffusion's variables
 * y = x / alpha against sigma / alpha ({@link LinearMultistep}, {@link Ipndm}, {@link Deis}): the order knob and its
 * spec {@code name:order=N} (left out at the default), the loop that keeps the predictions in a {@link StepHistory} and
 * carries them across each step's end. A subclass states only how y moves from grid point i to i + 1.
 */
abstract class EpsMultistep extends StatedIntegrator {
    /** How many past noise predictions a step uses at most, 1 to the sampler's highest order. */
    protected final int order;
    private final int defaultOrder;

    /**
     * @param name          the registered name; the knob's error message calls it "NAME order"
     * @param maxOrder      the highest order allowed
     * @param defaultOrder  the order the registry's spec leaves out
     * @param expectedOrder the expected convergence order at a given order
     */
    EpsMultistep(String name, int order, int maxOrder, int defaultOrder, IntUnaryOperator expectedOrder) {
        super(IntegratorInfo.deterministic(name, 1, expectedOrder.applyAsInt(Require.inRange(name + " order", order, 1, maxOrder))));
        this.order = order;
        this.defaultOrder = defaultOrder;
    }

    @Override
    public final String spec() {
        return order == defaultOrder ? name() : name() + ":order=" + order;
    }

    /**
     * y at grid point i + 1 from the batch {@code x} at grid point i (level {@code now}) and the noise predictions held,
     * newest (at {@code now}) first.
     */
    protected abstract NDArray yNext(RunContext ctx, NDArray x, NoiseLevel now, NoiseLevel next, StepHistory predictions);

    @Override
    public final NDArray run(RunContext ctx, NDArray x) {
        StepHistory predictions = new StepHistory(order);
        for (int i = 0; i < ctx.steps(); i++) {
            NoiseLevel now = ctx.level(i);
            NoiseLevel next = ctx.level(i + 1);
            predictions.push(now, ctx.predict(x, i).eps());
            x = ctx.endStep(i, Scalars.mul(yNext(ctx, x, now, next, predictions), next.alpha()), predictions.arrays());
        }
        return x;
    }
}

package org.difflab.runtime.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015) as {@code torch.optim.Adam} without weight decay: m = b1 m + (1 - b1) g,
 * v = b2 v + (1 - b2) g^2, w -= (lr / c1) m / (sqrt(v) / sqrt(c2) + eps) with c_i = 1 - b_i^n after n steps. Every
 * constant is a tensor operand (the DJL pitfalls of this project); each step's temporaries are closed by an
 * {@link NDScope}, and the gradients are zeroed after the update, so that the next backward pass starts from zero.
 * Public for the other networks DiffLab trains (the feature classifier).
 */
public final class Adam {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final List<NDArray> weights;
    private final List<NDArray> first = new ArrayList<>();
    private final List<NDArray> second = new ArrayList<>();
    private final NDManager manager;
    private final NDArray beta1;
    private final NDArray oneMinusBeta1;
    private final NDArray beta2;
    private final NDArray oneMinusBeta2;
    private final NDArray epsilon;
    private final double learningRate;
    private long steps;

    /** An optimiser of {@code weights} whose moments (zero) and constants live in {@code manager}. */
    public Adam(List<NDArray> weights, double learningRate, NDManager manager) {
        this.weights = List.copyOf(weights);
        this.learningRate = learningRate;
        this.manager = manager;
        for (NDArray w : weights) {
            first.add(manager.zeros(w.getShape()));
            second.add(manager.zeros(w.getShape()));
        }
        beta1 = manager.create((float) BETA1);
        oneMinusBeta1 = manager.create((float) (1 - BETA1));
        beta2 = manager.create((float) BETA2);
        oneMinusBeta2 = manager.create((float) (1 - BETA2));
        epsilon = manager.create((float) EPSILON);
    }

    /** One update from the gradients of the last backward pass; the gradients are zero afterwards. */
    public void step() {
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        try (NDScope scope = new NDScope()) {
            NDArray stepSize = manager.create((float) (learningRate / c1));
            NDArray rootC2 = manager.create((float) Math.sqrt(c2));
            for (int k = 0; k < weights.size(); k++) {
                NDArray w = weights.get(k);
                NDArray g = w.getGradient();
                first.get(k).muli(beta1).addi(g.mul(oneMinusBeta1));
                second.get(k).muli(beta2).addi(g.square().mul(oneMinusBeta2));
                NDArray denominator = second.get(k).sqrt().div(rootC2).add(epsilon);
                w.subi(first.get(k).mul(stepSize).div(denominator));
                JniUtils.zeroGrad((PtNDArray) w);
            }
        }
    }

    /** Updates taken so far. */
    long steps() {
        return steps;
    }

    /** The first moments m, one per weight, in the weights' order (live arrays: checkpoints read and restore them). */
    List<NDArray> firstMoments() {
        return first;
    }

    /** The second moments v, one per weight, in the weights' order (live arrays). */
    List<NDArray> secondMoments() {
        return second;
    }

    /** Sets the step count after the moments were restored from a checkpoint. */
    void restoreSteps(long steps) {
        this.steps = steps;
    }
}

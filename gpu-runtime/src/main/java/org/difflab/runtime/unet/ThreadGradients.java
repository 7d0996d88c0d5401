package org.difflab.runtime.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Gradient recording for the calling thread only, so that several threads can train networks at once. DJL's
 * {@code GradientCollector} allows one collector per JVM at a time (a global flag); PyTorch itself keeps the grad mode
 * per thread and runs a CPU backward pass on the calling thread, so this does what the collector does (grad mode on,
 * {@code backward} with a gradient of ones, grad mode restored on close) through the same native calls, without the
 * global flag. Open and close it on the same thread. Closing turns recording off, whatever it was before: a thread
 * the engine did not start on begins with PyTorch's default (on), under which the optimizer's in-place weight updates
 * after the backward pass would be refused.
 */
final class ThreadGradients implements AutoCloseable {
    /** Turns gradient recording on for this thread. */
    ThreadGradients() {
        JniUtils.setGradMode(true);
    }

    /** Accumulates d(loss)/d(w) into the gradient of every array w that requires one; {@code loss} is freed of its graph. */
    void backward(NDArray loss) {
        try (NDArray ones = loss.onesLike()) {
            JniUtils.backward((PtNDArray) loss, (PtNDArray) ones, false, false);
        }
    }

    /** Turns gradient recording off for this thread (DJL's state outside a collector). */
    @Override
    public void close() {
        JniUtils.setGradMode(false);
    }
}

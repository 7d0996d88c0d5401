package org.difflab.dsl.tensor;

import ai.djl.engine.Engine;
import java.lang.reflect.Method;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The PyTorch engine's intra-op thread count, read and changed at run time, so that one process can check that a
 * seed gives the same samples with 1 and 2 threads. The dsl module depends on DJL's API only, so the engine's JNI
 * ({@code ai.djl.pytorch.jni.JniUtils}) is reached by reflection; with another engine (or none on the class path)
 * {@link #current()} is empty and {@link #with} refuses.
 */
public final class IntraOpThreads {
    private static final String JNI = "ai.djl.pytorch.jni.JniUtils";

    private IntraOpThreads() {}

    /** The engine's intra-op thread count, or empty when the engine in use is not PyTorch. */
    public static OptionalInt current() {
        Method get = method("getNumThreads");
        if (get == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of((Integer) get.invoke(null));
        } catch (ReflectiveOperationException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Runs {@code body} with {@code threads} intra-op threads and puts the previous count back afterwards.
     *
     * @throws IllegalArgumentException when threads &lt; 1
     * @throws IllegalStateException    when the engine's thread count cannot be changed (not the PyTorch engine)
     */
    public static <T> T with(int threads, Supplier<T> body) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " is not allowed: must be >= 1");
        }
        OptionalInt before = current();
        Method set = method("setNumThreads");
        if (before.isEmpty() || set == null) {
            throw new IllegalStateException("the intra-op thread count cannot be changed: the engine in use is "
                    + Engine.getInstance().getEngineName() + ", not PyTorch");
        }
        set(set, threads);
        try {
            return body.get();
        } finally {
            set(set, before.getAsInt());
        }
    }

    private static void set(Method set, int threads) {
        try {
            set.invoke(null, threads);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("setting " + threads + " intra-op threads failed: " + e, e);
        }
    }

    /** The JNI method, with the engine started (its native library loaded), or null when PyTorch is not the engine. */
    private static Method method(String name) {
        try {
            if (!"PyTorch".equals(Engine.getInstance().getEngineName())) {
                return null;
            }
            Class<?> jni = Class.forName(JNI);
            return name.startsWith("set") ? jni.getMethod(name, int.class) : jni.getMethod(name);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}

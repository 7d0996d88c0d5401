package org.difflab.dsl.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** {@link Scalars} gives DJL's bits for every operation and type (in place too), and its reused numbers survive the scopes they serve. */
class ScalarsTest {

    /** 2,000 numbers over 24 orders of magnitude, both signs, and 1,000 elements of x each, in float32 and float64. */
    @Test
    void everyOperationHasDjlsBitsInBothTypes() {
        Random random = new Random(5);
        try (NDManager manager = NDManager.newBaseManager(); Scalars.Session numbers = Scalars.open()) {
            for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
                NDArray x = manager.randomNormal(0, 3, new Shape(40, 25), DataType.FLOAT64).toType(type, false);
                for (int k = 0; k < 500; k++) {
                    double c = (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble() * 24 - 12) * (1 + random.nextDouble());
                    same(type, c, x.mul(c), Scalars.mul(x, c));
                    same(type, c, x.div(c), Scalars.div(x, c));
                    same(type, c, x.add(c), Scalars.add(x, c));
                    same(type, c, x.sub(c), Scalars.sub(x, c));
                    same(type, c, x.maximum(c), Scalars.maximum(x, c));
                    for (Scalars.InPlaceOp op : Scalars.InPlaceOp.values()) {
                        NDArray copy = x.duplicate();
                        assertThat(Scalars.inPlace(copy, op, c)).as("the array itself, overwritten").isSameAs(copy);
                        same(type, c, op == Scalars.InPlaceOp.MUL ? x.mul(c) : x.div(c), copy);
                        copy.close();
                    }
                }
            }
        }
    }

    private static void same(DataType type, double c, NDArray djl, NDArray ours) {
        assertThat(ours.getDataType()).isEqualTo(type);
        if (type == DataType.FLOAT32) {
            assertThat(Arrays.equals(djl.toFloatArray(), ours.toFloatArray())).as("float32, c = %s", c).isTrue();
        } else {
            assertThat(Arrays.equals(djl.toDoubleArray(), ours.toDoubleArray())).as("float64, c = %s", c).isTrue();
        }
    }

    /** The thread's number is not owned by the scope that first used it: a step's scope closes, the next step still works. */
    @Test
    void theReusedNumberOutlivesTheScopesItServes() {
        try (NDManager manager = NDManager.newBaseManager(); Scalars.Session numbers = Scalars.open()) {
            NDArray x = manager.create(new float[] {1, 2, 3});
            for (int step = 0; step < 3; step++) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray y = Scalars.mul(x, step + 0.5);
                    NDScope.unregister(y);
                    assertThat(y.toFloatArray()).containsExactly((float) (step + 0.5), 2 * (float) (step + 0.5), 3 * (float) (step + 0.5));
                }
            }
        }
    }

    /** Other types go through DJL's own call (an int32 tensor times 2.5 becomes float64 there). */
    @Test
    void otherTypesGoThroughDjl() {
        try (NDManager manager = NDManager.newBaseManager(); Scalars.Session numbers = Scalars.open()) {
            NDArray x = manager.create(new int[] {1, 2, 3});
            BiFunction<NDArray, Double, NDArray> djl = NDArray::mul;
            NDArray ours = Scalars.mul(x, 2.5);
            assertThat(ours.getDataType()).isEqualTo(djl.apply(x, 2.5).getDataType()).isEqualTo(DataType.FLOAT64);
            assertThat(ours.toDoubleArray()).containsExactly(2.5, 5, 7.5);
        }
    }

    /**
     * Copies of Java values have the bits of DJL's creation (float32 rounded as the engine rounds) in a run and outside
     * it; each copy is its own array (the staging tensor written again does not change an earlier copy, nor does an
     * in-place update of a copy change a later one); a lent tensor holds the values for the call.
     */
    @Test
    void copiesOfValuesAreDjlsBitsAndIndependent() {
        Random random = new Random(9);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (boolean run : new boolean[] {false, true}) {
                try (Scalars.Session numbers = run ? Scalars.open() : null) {
                    for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
                        Shape shape = new Shape(3, 4);
                        double[] a = random.doubles(12, -1e3, 1e3).toArray();
                        double[] b = random.doubles(12, -1e-3, 1e-3).toArray();
                        NDArray first = Scalars.copyOf(manager, a, shape, type);
                        NDArray second = Scalars.copyOf(manager, b, shape, type);
                        same(type, 0, manager.create(a, shape).toType(type, false), first);
                        same(type, 0, manager.create(b, shape).toType(type, false), second);
                        assertThat(first.getManager()).isSameAs(manager);
                        first.muli(2);
                        NDArray third = Scalars.copyOf(manager, a, shape, type);
                        same(type, 0, manager.create(a, shape).toType(type, false), third);
                        double[] seen = new double[12];
                        Scalars.lend(manager, b, shape, type, lent -> System.arraycopy(lent.toType(DataType.FLOAT64, false).toDoubleArray(), 0, seen, 0, 12));
                        assertThat(seen).containsExactly(manager.create(b, shape).toType(type, false).toType(DataType.FLOAT64, false).toDoubleArray());
                    }
                }
            }
        }
    }

    /** The numbers live while a session is open (sessions nest) and are freed with the outermost one: nothing outlives a run. */
    @Test
    void theOutermostSessionFreesTheNumbers() {
        try (NDManager probe = NDManager.newBaseManager(); NDArray x = probe.create(new float[] {1, 2})) {
            BaseNDManager system = (BaseNDManager) probe.getParentManager();
            int before = system.getManagedArrays().size();
            try (Scalars.Session outer = Scalars.open()) {
                try (Scalars.Session inner = Scalars.open(); NDArray y = Scalars.mul(x, 3)) {
                    assertThat(y.toFloatArray()).containsExactly(3f, 6f);
                }
                assertThat(system.getManagedArrays().size()).as("the two numbers while the outer session is open").isEqualTo(before + 2);
                try (NDArray y = Scalars.mul(x, 0.5)) {
                    assertThat(y.toFloatArray()).containsExactly(0.5f, 1f);
                }
                try (NDArray y = Scalars.copyOf(probe, new double[] {1, 2, 3}, new Shape(3), DataType.FLOAT32)) {
                    assertThat(system.getManagedArrays().size()).as("a staging tensor of shape [3] and the copy besides").isEqualTo(before + 4);
                }
                try (NDArray y = Scalars.copyOf(probe, new double[(1 << 16) + 1], new Shape((1 << 16) + 1), DataType.FLOAT32)) {
                    assertThat(y.toFloatArray()).hasSize((1 << 16) + 1).containsOnly(0f);
                    assertThat(system.getManagedArrays().size()).as("no staging tensor for more than 2^16 values").isEqualTo(before + 4);
                }
            }
            assertThat(system.getManagedArrays().size()).as("after the outermost session").isEqualTo(before);
        }
    }

    /**
     * A constant has copyOf's bits in both types; inside a run it is one tensor per array, kept through the step scopes
     * that use it and freed with the session; outside a run each call makes its own tensor on the caller's manager.
     */
    @Test
    void constantsAreKeptForTheRunAndFreedWithIt() {
        Random random = new Random(12);
        try (NDManager manager = NDManager.newBaseManager()) {
            BaseNDManager system = (BaseNDManager) manager.getParentManager();
            for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
                Shape shape = new Shape(2, 3);
                double[] values = random.doubles(6, -1e3, 1e3).toArray();
                NDArray outside = Scalars.constant(manager, values, shape, type);
                same(type, 0, Scalars.copyOf(manager, values, shape, type), outside);
                assertThat(outside.getManager()).isSameAs(manager);
                assertThat(Scalars.constant(manager, values, shape, type)).isNotSameAs(outside);
                int before = system.getManagedArrays().size();
                try (Scalars.Session run = Scalars.open()) {
                    NDArray kept = null;
                    for (int step = 0; step < 3; step++) {
                        try (NDScope scope = new NDScope()) {
                            scope.suppressNotUsedWarning();
                            NDArray c = Scalars.constant(manager, values, shape, type);
                            if (kept == null) {
                                kept = c;
                            }
                            assertThat(c).isSameAs(kept);
                            same(type, 0, outside, c);
                        }
                    }
                    assertThat(kept.isReleased()).as("kept through the step scopes").isFalse();
                    assertThat(Scalars.constant(manager, values.clone(), shape, type)).as("another array, another tensor").isNotSameAs(kept);
                }
                assertThat(system.getManagedArrays().size()).as("after the session").isEqualTo(before);
            }
        }
    }
}

package org.difflab.dsl.langevin;

import org.difflab.dsl.spec.Spec;

/**
 * Which Langevin dynamics an integrator discretises, and so how its state is laid out:
 * <ul>
 *   <li>{@link #OVERDAMPED}: dX = b(X) dt + sqrt(2) dB; the state is the position batch [B, d];</li>
 *   <li>{@link #UNDERDAMPED}: dU = V dt, dV = -gamma V dt + b(U) dt + sqrt(2 gamma) dB; the state is one batch
 *       [B, 2d], positions in columns 0..d-1 and velocities in columns d..2d-1 (one tensor, so step scoping, observers
 *       and the NaN check see the whole state). The sampler starts velocities at N(0, I), their stationary law.</li>
 * </ul>
 */
public enum Dynamics {
    OVERDAMPED, UNDERDAMPED;

    /** The exact frozen-force flow of this dynamics (friction is ignored when overdamped). */
    public FrozenForceFlow flow(double friction) {
        return this == OVERDAMPED ? new OverdampedFlow() : new UnderdampedFlow(new OrnsteinUhlenbeck(friction));
    }

    /** State columns per position dimension: 1 or 2. */
    public int stateFactor() {
        return this == OVERDAMPED ? 1 : 2;
    }

    /** The {@code form} knob of a spec: {@code overdamped} (default) or {@code underdamped}. */
    public static Dynamics form(Spec s) {
        return s.oneOf("form", "overdamped", "overdamped", OVERDAMPED, "underdamped", UNDERDAMPED);
    }

    /** The spec value: {@code overdamped} or {@code underdamped}. */
    public String label() {
        return name().toLowerCase();
    }
}

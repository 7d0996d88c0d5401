package org.difflab.dsl.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Native memory scoped per step, for the run contexts of both kinds (diffusion and Langevin): every tensor created during
 * a step is freed when the step ends except the new state and the arrays carried to the next step, which are freed in
 * turn by the first later step that no longer keeps them; so memory stays flat however long the run. Open it where the
 * run starts (it opens the first step's {@link NDScope}, a per-thread stack) and close it when the run ends.
 */
public final class StepMemory implements AutoCloseable {
    private final Set<NDArray> carried = Collections.newSetFromMap(new IdentityHashMap<>());
    private NDScope scope = new NDScope();

    /** Takes ownership of the initial state (freed when a later step replaces it). */
    public void adopt(NDArray x) {
        NDScope.unregister(x);
        carried.add(x);
    }

    /**
     * Keeps {@code next} and {@code carry} past this step and frees what earlier steps carried and these do not keep; the
     * step's other tensors live until {@link #nextStep()}.
     *
     * @return the kept arrays, each once, {@code next} first
     */
    public List<NDArray> keep(NDArray next, NDArray... carry) {
        Set<NDArray> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        List<NDArray> kept = new ArrayList<>(1 + carry.length);
        if (keep.add(next)) {
            kept.add(next);
        }
        for (NDArray a : carry) {
            if (keep.add(a)) {
                kept.add(a);
            }
        }
        for (NDArray a : kept) {
            NDScope.unregister(a);
        }
        for (NDArray old : carried) {
            if (!keep.contains(old)) {
                old.close();
            }
        }
        carried.clear();
        carried.addAll(keep);
        return kept;
    }

    /** Frees every tensor of the ending step that {@link #keep} did not keep and opens the next step's scope. */
    public void nextStep() {
        scope.close();
        scope = new NDScope();
    }

    /** Hands the final state to the caller and frees everything else. */
    public NDArray finish(NDArray result) {
        carried.remove(result);
        NDScope.unregister(result);
        close();
        return result;
    }

    @Override
    public void close() {
        if (scope != null) {
            scope.close();
            scope = null;
        }
        for (NDArray a : carried) {
            a.close();
        }
        carried.clear();
    }
}

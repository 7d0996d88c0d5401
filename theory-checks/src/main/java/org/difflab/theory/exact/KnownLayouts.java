package org.difflab.theory.exact;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The probe layouts ({@link ProbeLayout}) that earlier counting passes recorded, so that an exact evaluation can skip
 * its counting pass (issue 24: the counting pass was 30% of the default catalogue's CPU time): the layout recorded for
 * the same integrator and number of steps (repetitions, the same grid in other dimensions or on other targets), else
 * the integrator's latest layout {@link ProbeLayout#stretched stretched} to this number of steps (the next step count of
 * a convergence or complexity study), else the latest layout of an integrator of the same name (other parameters) on
 * as many steps (picardBlocks' layout does not depend on its sweep count: the sweep scans of the Picard claims).
 *
 * <p>A layout found here is only a guess: the probe pass that follows it checks every draw and step end against it
 * ({@link ProbeNoise#known}), and the evaluator falls back to a counting pass when the run departs from it, so whatever
 * this holds, every evaluation computes the bits of one with its own counting pass. A guess that failed is not made
 * again: none for that key when a recorded layout failed (a run whose layout depends on its auxiliary draws, e.g. random
 * selections), no stretched one for that integrator when a stretched layout failed (e.g. noise only inside a time
 * window), none from another integrator of that name on that many steps when such a layout failed, so such runs pay
 * one wasted probe pass, not one per evaluation.
 *
 * <p>Shared by all threads (claims run side by side) and bounded: the least recently used of at most
 * {@value #CAPACITY} keys of each kind is dropped.
 */
final class KnownLayouts {
    static final int CAPACITY = 512;

    /**
     * What a layout is recorded under: the integrator's spec, the grid's number of steps, and whether the shared
     * auxiliary draws are forced.
     */
    record Key(String integrator, int steps, boolean forcedShared) {
        IntegratorKey integratorKey() {
            return new IntegratorKey(integrator, forcedShared);
        }

        /** The integrator's name (its spec up to the first ':'), steps and forcing. */
        NameKey nameKey() {
            return new NameKey(integrator.split(":", 2)[0], steps, forcedShared);
        }
    }

    /** Where a guess comes from. */
    enum Source {
        /** recorded for the same key */
        RECORDED,
        /** the integrator's latest layout, stretched to this number of steps */
        STRETCHED,
        /** recorded for an integrator of the same name on as many steps */
        SAME_NAME
    }

    /** A layout to try, and where it comes from. */
    record Guess(ProbeLayout layout, Source source) {
    }

    private record NameKey(String name, int steps, boolean forcedShared) {
    }

    private record IntegratorKey(String spec, boolean forcedShared) {
    }

    /** The latest layout recorded for an integrator and the number of steps of its run. */
    private record Latest(int steps, ProbeLayout layout) {
    }

    /** The recorded layouts; null where a guess of the recorded layout failed. */
    private static final Map<Key, ProbeLayout> RECORDED = bounded();
    /** Each integrator's latest layout; null where a stretched guess failed. */
    private static final Map<IntegratorKey, Latest> LATEST = bounded();
    /** The latest layout of an integrator of each name on each number of steps; null where such a guess failed. */
    private static final Map<NameKey, ProbeLayout> SAME_NAME = bounded();

    private KnownLayouts() {}

    private static <K, V> Map<K, V> bounded() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > CAPACITY;
            }
        };
    }

    /** The layout to try for this key, or null: then count. */
    static synchronized Guess guess(Key key) {
        if (RECORDED.containsKey(key)) {
            ProbeLayout recorded = RECORDED.get(key);
            return recorded == null ? null : new Guess(recorded, Source.RECORDED);
        }
        Latest latest = LATEST.get(key.integratorKey());
        // none, or not one step end per step (e.g. Picard blocks): no form to stretch
        ProbeLayout stretched = latest == null || latest.layout().stepEnds() != latest.steps() ? null : latest.layout().stretched(key.steps());
        if (stretched != null) {
            return new Guess(stretched, Source.STRETCHED);
        }
        ProbeLayout sameName = SAME_NAME.get(key.nameKey());
        return sameName == null ? null : new Guess(sameName, Source.SAME_NAME);
    }

    /** Records the layout a counting pass found, except where guesses failed. */
    static synchronized void record(Key key, ProbeLayout layout) {
        putUnlessFailed(RECORDED, key, layout);
        putUnlessFailed(LATEST, key.integratorKey(), new Latest(key.steps(), layout));
        putUnlessFailed(SAME_NAME, key.nameKey(), layout);
    }

    /** Puts the value unless the key is marked failed (present with null). */
    private static <K, V> void putUnlessFailed(Map<K, V> map, K key, V value) {
        if (!map.containsKey(key) || map.get(key) != null) {
            map.put(key, value);
        }
    }

    /** Marks that a run departed from this guess: no more guesses of its kind for this key or integrator. */
    static synchronized void failed(Key key, Guess guess) {
        switch (guess.source()) {
            case RECORDED -> RECORDED.put(key, null);
            case STRETCHED -> LATEST.put(key.integratorKey(), null);
            case SAME_NAME -> SAME_NAME.put(key.nameKey(), null);
        }
    }

    /** Forgets every layout (tests: an evaluation with a counting pass of its own). */
    static synchronized void clear() {
        RECORDED.clear();
        LATEST.clear();
        SAME_NAME.clear();
    }
}

package org.difflab.theory.claims;

import java.util.Locale;

/** An enum constant as reports, JSON and command options write it: its name in lower case (claim kinds, tiers, control roles). */
public interface Labelled {

    /** The constant's name (an enum's own). */
    String name();

    /** The name in lower case, e.g. {@code paper}, {@code standard}, {@code negative}. */
    default String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

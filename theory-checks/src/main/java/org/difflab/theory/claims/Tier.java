package org.difflab.theory.claims;

import java.util.Arrays;

/** Which part of the catalogue a claim belongs to: what {@code difflab check} runs by default, and what only on request. */
public enum Tier implements Labelled {
    /** Exact and Monte Carlo claims on known targets: minutes on a CPU, no trained network needed. The default. */
    STANDARD("exact and Monte Carlo claims on known targets (no trained network; the default)"),
    /** Claims on the zoo's trained UNets: the zoo must be trained first (tens of minutes on a CPU). */
    NETWORK("claims on the zoo's trained UNets (needs the trained zoo)");

    private final String meaning;

    Tier(String meaning) {
        this.meaning = meaning;
    }

    /** One line on what the tier holds. */
    public String meaning() {
        return meaning;
    }

    /** The tier with this label. */
    public static Tier parse(String label) {
        for (Tier t : values()) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("tier = '" + label + "' is not allowed: one of " + String.join(", ",
                Arrays.stream(values()).map(Tier::label).toList()));
    }
}

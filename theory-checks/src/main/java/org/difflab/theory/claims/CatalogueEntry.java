package org.difflab.theory.claims;

import java.util.List;

/**
 * A claim as the catalogue holds it: the claim, its tier, its controls (a positive control that must HOLD where one
 * makes sense, and at least one mutant that must be VIOLATED) and the zoo entries it trains on first use.
 *
 * @param claim    the claim
 * @param tier     standard (default run) or network (on request)
 * @param controls its controls
 * @param zoo      names of the model zoo's entries the claim needs trained (empty for standard claims)
 */
public record CatalogueEntry(Claim claim, Tier tier, List<Control> controls, List<String> zoo) {

    public CatalogueEntry {
        if (claim == null || tier == null) {
            throw new IllegalArgumentException("claim = " + claim + ", tier = " + tier + " are not allowed: both must be non-null");
        }
        controls = controls == null ? List.of() : List.copyOf(controls);
        zoo = zoo == null ? List.of() : List.copyOf(zoo);
    }

    /** A standard-tier entry. */
    public static CatalogueEntry of(Claim claim, Control... controls) {
        return new CatalogueEntry(claim, Tier.STANDARD, List.of(controls), List.of());
    }

    /** The claim's id. */
    public String id() {
        return claim.id();
    }

    /** The mutants (negative controls). */
    public List<Control> mutants() {
        return controls.stream().filter(c -> c.role() == ControlRole.NEGATIVE).toList();
    }
}

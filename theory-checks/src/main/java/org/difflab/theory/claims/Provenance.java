package org.difflab.theory.claims;

/**
 * Where a claim comes from, as data: the paper, the place in it of the statement the claim tests (a theorem, table,
 * figure, section or abstract sentence, said in our own words), the {@link ClaimKind kind} of claim, one line on how
 * DiffLab's setting differs from the paper's (empty when it does not), and the research notes or other sources behind
 * the setup (where a note marks a detail as a reconstruction [R], this says so).
 *
 * @param kind    paper, reconstruction or consistency
 * @param paper   the paper, e.g. {@code Song, Meng, Ermon (2021), DDIM, ICLR}
 * @param place   where in it, e.g. {@code eq. (14): DDIM with eta = 0 is an Euler step of the probability-flow ODE}
 * @param differs how our setting differs from the paper's, one line (empty: it does not)
 * @param basis   research notes and further sources (may be empty)
 */
public record Provenance(ClaimKind kind, String paper, String place, String differs, String basis) {

    public Provenance {
        if (kind == null || paper == null || paper.isBlank() || place == null || place.isBlank()) {
            throw new IllegalArgumentException("kind = " + kind + ", paper = '" + paper + "', place = '" + place
                    + "' are not allowed: a provenance names its kind, its paper and the place in the paper");
        }
        differs = differs == null ? "" : differs;
        basis = basis == null ? "" : basis;
    }

    /** A claim about the paper's own algorithm and setting. */
    public static Provenance paper(String paper, String place) {
        return new Provenance(ClaimKind.PAPER, paper, place, "", "");
    }

    /** A claim about DiffLab's scheme rebuilt from the paper's ingredients. */
    public static Provenance reconstruction(String paper, String place) {
        return new Provenance(ClaimKind.RECONSTRUCTION, paper, place, "", "");
    }

    /** A check of DiffLab's own machinery; {@code paper} names the source of the property checked. */
    public static Provenance consistency(String paper, String place) {
        return new Provenance(ClaimKind.CONSISTENCY, paper, place, "", "");
    }

    /** This provenance with a line on how the setting differs from the paper's. */
    public Provenance differs(String line) {
        return new Provenance(kind, paper, place, line, basis);
    }

    /** This provenance with the research notes or other sources behind the setup. */
    public Provenance basis(String sources) {
        return new Provenance(kind, paper, place, differs, sources);
    }

    /** Paper and place in one line, e.g. for a table cell. */
    public String reference() {
        return paper + ", " + place;
    }

    /** Paper, place and basis in one line: what {@link Claim#source()} shows. */
    public String citation() {
        return basis.isEmpty() ? reference() : reference() + "; " + basis;
    }
}

package org.difflab.plugin.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.difflab.runtime.zoo.Zoo;
import org.difflab.theory.claims.Catalogue;
import org.difflab.theory.claims.CatalogueEntry;
import org.difflab.theory.claims.Tier;

/**
 * Which catalogue entries {@code difflab check} runs, from {@code --claim} and {@code --tier}, checked before anything
 * is measured: unknown ids, an unknown tier, a selection that is empty, {@code --controls} on a named claim without
 * controls, and network claims whose zoo is not trained (without {@code --train}) are refused with a message naming
 * the option and its value.
 */
final class ClaimSelection {
    /** The tier value that selects every tier. */
    static final String ALL = "all";
    /**
     * Rough CPU training minutes of the standard zoo's entries on 2 shared cores ({@code difflab train}: about 13 minutes
     * for all four, the width-16 entry about 1), for the message that asks before training.
     */
    private static final double[] MINUTES_BY_WIDTH = {0.5, 1, 3, 9};
    /** fashion28-w4 .. w16: 2000 iterations at 0.076 / 0.122 / 0.200 / 0.225 s each on one thread (docs/zoo-and-data.md). */
    private static final double[] FASHION_MINUTES_BY_WIDTH = {2.5, 4, 6.7, 7.5};

    private ClaimSelection() {}

    /**
     * The entries to check: the named claims (a trailing '*' matches a prefix), in catalogue order, restricted to the
     * tier when one is given; without names, the tier's claims (default: the standard tier).
     */
    static List<CatalogueEntry> of(List<String> claims, String tier) {
        Set<String> tiers = tiers(tier, claims.isEmpty());
        Set<String> ids = new LinkedHashSet<>();
        if (claims.isEmpty()) {
            Catalogue.entries().forEach(e -> ids.add(e.id()));
        }
        for (String id : claims) {
            ids.addAll(match(id));
        }
        List<CatalogueEntry> out = new ArrayList<>();
        for (CatalogueEntry e : Catalogue.entries()) {
            if (ids.contains(e.id()) && tiers.contains(e.tier().label())) {
                out.add(e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--tier = " + tier + " is not allowed with --claim = " + String.join(", ", claims)
                    + ": they select no claim together (the claims are of tier " + String.join(", ", claims.stream().flatMap(c -> match(c).stream())
                    .map(c -> Catalogue.entry(c).tier().label()).distinct().toList()) + ")");
        }
        return out;
    }

    private static Set<String> tiers(String tier, boolean defaultStandard) {
        Set<String> out = new LinkedHashSet<>();
        if (tier == null) {
            if (defaultStandard) {
                out.add(Tier.STANDARD.label());
            } else {
                for (Tier t : Tier.values()) {
                    out.add(t.label());
                }
            }
            return out;
        }
        if (tier.equals(ALL)) {
            for (Tier t : Tier.values()) {
                out.add(t.label());
            }
            return out;
        }
        try {
            out.add(Tier.parse(tier).label());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tier = " + tier + " is not allowed: one of standard (the default: no trained network), "
                    + "network (the zoo's trained UNets) or all", e);
        }
        return out;
    }

    /** The ids an argument of --claim names. */
    private static List<String> match(String id) {
        if (id.endsWith("*")) {
            String prefix = id.substring(0, id.length() - 1);
            List<String> matched = Catalogue.ids().stream().filter(c -> c.startsWith(prefix)).toList();
            if (matched.isEmpty()) {
                throw new IllegalArgumentException("--claim = " + id + " is not allowed: no claim id starts with '" + prefix + "'; ids: "
                        + String.join(", ", Catalogue.ids()));
            }
            return matched;
        }
        if (!Catalogue.ids().contains(id)) {
            throw new IllegalArgumentException("--claim = " + id + " is not allowed: one of " + String.join(", ", Catalogue.ids()));
        }
        return List.of(id);
    }

    /** Refuses --controls when a claim named without a wildcard has no controls. */
    static void requireControls(List<String> claims, List<CatalogueEntry> selected) {
        for (CatalogueEntry e : selected) {
            if (e.controls().isEmpty() && claims.contains(e.id())) {
                throw new IllegalArgumentException("--controls is not allowed with --claim = " + e.id() + ": that claim has no controls "
                        + "(claims with controls: " + String.join(", ", Catalogue.entries().stream().filter(x -> !x.controls().isEmpty())
                        .map(CatalogueEntry::id).toList()) + ")");
            }
        }
    }

    /**
     * The zoo entries the selection needs that are not trained yet; empty when none. Refuses (naming what training
     * takes) when some are missing and {@code train} is false.
     */
    static List<String> requireZoo(List<CatalogueEntry> selected, boolean train) {
        Set<String> needed = new LinkedHashSet<>();
        selected.forEach(e -> needed.addAll(e.zoo()));
        if (needed.isEmpty()) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        for (String name : needed) {
            try (Zoo family = Zoo.standardFamilyOf(name, Zoo.defaultDirectory(), line -> { })) {
                if (family.record(name).isEmpty()) {
                    missing.add(name);
                }
            }
        }
        if (!missing.isEmpty() && !train) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--train is needed: the claims %s need the zoo's trained "
                    + "UNets %s, which are not in %s; training them takes about %.0f minutes on a 2-core CPU. Add --train to train them "
                    + "first, or run 'difflab train' once", String.join(", ", selected.stream()
                    .filter(e -> !e.zoo().isEmpty()).map(CatalogueEntry::id).toList()), String.join(", ", missing), Zoo.defaultDirectory(),
                    Math.max(1, minutes(missing))));
        }
        return missing;
    }

    /** Rough training minutes of zoo entries named shapes16-wW (widths 8..64) and fashion28-wW (widths 4..16). */
    static double minutes(List<String> names) {
        double sum = 0;
        for (String n : names) {
            if (n.startsWith("fashion28-")) {
                sum += FASHION_MINUTES_BY_WIDTH[n.endsWith("w4") ? 0 : n.endsWith("w8") ? 1 : n.endsWith("w12") ? 2 : 3];
            } else {
                sum += MINUTES_BY_WIDTH[n.endsWith("w8") ? 0 : n.endsWith("w16") ? 1 : n.endsWith("w32") ? 2 : 3];
            }
        }
        return sum;
    }
}

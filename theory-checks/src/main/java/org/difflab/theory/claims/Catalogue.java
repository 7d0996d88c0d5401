package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every claim DiffLab checks, by id, in report order, with its tier and controls. Each family of claims (spec
 * SAMPLERS.md, one section each) is a class with a list of entries, registered in the static block; more can be added
 * from outside with {@link #register}.
 */
public final class Catalogue {
    private static final Map<String, CatalogueEntry> ENTRIES = new LinkedHashMap<>();

    static {
        List.of(StandardClaims.all(), PeerSamplerClaims.all(), StochasticPeerClaims.all(), LiClaims.all(), LiCaiClaims.all(),
                PoissonMidpointClaims.all(), ComplexityClaims.all(), LangevinClaims.all(), MultilevelClaims.all(), ParallelClaims.all(),
                AdaptiveClaims.all(), NetworkClaims.all(), FashionNetworkClaims.all()).forEach(family -> family.forEach(Catalogue::register));
    }

    private Catalogue() {}

    /** Adds an entry; its id must be new. */
    public static synchronized void register(CatalogueEntry entry) {
        if (entry == null) {
            throw new IllegalArgumentException("entry is null, which is not allowed");
        }
        if (ENTRIES.containsKey(entry.id())) {
            throw new IllegalArgumentException("claim id = '" + entry.id() + "' is not allowed: it is already registered");
        }
        ENTRIES.put(entry.id(), entry);
    }

    /** Every registered claim, in registration order. */
    public static synchronized List<Claim> all() {
        return Collections.unmodifiableList(new ArrayList<>(ENTRIES.values().stream().map(CatalogueEntry::claim).toList()));
    }

    /** Every registered entry, in registration order. */
    public static synchronized List<CatalogueEntry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /** The claims of one tier, in registration order. */
    public static synchronized List<Claim> all(Tier tier) {
        return ENTRIES.values().stream().filter(e -> e.tier() == tier).map(CatalogueEntry::claim).toList();
    }

    /** The ids of every registered claim. */
    public static synchronized List<String> ids() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** The claim with this id. */
    public static synchronized Claim byId(String id) {
        return entry(id).claim();
    }

    /** The entry with this id. */
    public static synchronized CatalogueEntry entry(String id) {
        CatalogueEntry e = ENTRIES.get(id);
        if (e == null) {
            throw new IllegalArgumentException("claim = '" + id + "' is not allowed: one of " + String.join(", ", ENTRIES.keySet()));
        }
        return e;
    }
}

package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every claim DiffLab checks, by id, in report order. Each family of claims (spec SAMPLERS.md, one section each) is a
 * class with a list of entries, registered in the static block; more can be added from outside with {@link #register}.
 */
public final class Catalogue {
    private static final Map<String, Claim> CLAIMS = new LinkedHashMap<>();

    static {
        StandardClaims.all().forEach(Catalogue::register);
        LiClaims.all().forEach(Catalogue::register);
        PoissonMidpointClaims.all().forEach(Catalogue::register);
        ComplexityClaims.all().forEach(Catalogue::register);
        LangevinClaims.all().forEach(Catalogue::register);
        MultilevelClaims.all().forEach(Catalogue::register);
        ParallelClaims.all().forEach(Catalogue::register);
        NetworkClaims.all().forEach(Catalogue::register);
    }

    private Catalogue() {}

    /** Adds a claim; its id must be new. */
    public static synchronized void register(Claim claim) {
        if (claim == null) {
            throw new IllegalArgumentException("claim is null, which is not allowed");
        }
        if (CLAIMS.containsKey(claim.id())) {
            throw new IllegalArgumentException("claim id = '" + claim.id() + "' is not allowed: it is already registered");
        }
        CLAIMS.put(claim.id(), claim);
    }

    /** Every registered claim, in registration order. */
    public static synchronized List<Claim> all() {
        return Collections.unmodifiableList(new ArrayList<>(CLAIMS.values()));
    }

    /** The ids of every registered claim. */
    public static synchronized List<String> ids() {
        return List.copyOf(CLAIMS.keySet());
    }

    /** The claim with this id. */
    public static synchronized Claim byId(String id) {
        Claim c = CLAIMS.get(id);
        if (c == null) {
            throw new IllegalArgumentException("claim = '" + id + "' is not allowed: one of " + String.join(", ", CLAIMS.keySet()));
        }
        return c;
    }
}

package org.difflab.plugin.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;

/**
 * The bad specs of {@link InvalidCallsTest}: for every spec family (schedule, target, integrator, grid) each key given
 * the generic bad values of its kind and its own out-of-range ones, unknown names and keys, malformed and repeated
 * pairs; each with the key and the value its error must name.
 */
final class BadSpecs {
    /** Bad values of every real-valued key: not numbers, not finite, beyond double. */
    private static final List<String> BAD_REALS = List.of("NaN", "Infinity", "-Infinity", "abc", "1e999");
    /** Bad values of every integer key. */
    private static final List<String> BAD_INTEGERS = List.of("abc", "1.5", "NaN", "99999999999");

    private BadSpecs() {}

    /** One spec family: its parser for the API and the command-line option that takes it. */
    enum Family {
        SCHEDULE("--schedule", Schedules::parse), TARGET("--target", Targets::parse), INTEGRATOR("--integrator", Integrators::parse),
        GRID("--grid", s -> Grids.parse(s, 10));

        final String option;
        final Function<String, Object> parser;

        Family(String option, Function<String, Object> parser) {
            this.option = option;
            this.parser = parser;
        }
    }

    /** A spec that must be refused, with the key and the value its message must name. */
    record BadSpec(Family family, String spec, String key, String value) {
    }

    /** name:key=value (name,key=value where name has parameters already) for every value: the generic bad values of the key's kind and the key's own out-of-range ones. */
    private static void key(List<BadSpec> out, Family f, String name, String key, List<String> kind, String... outOfRange) {
        List<String> values = new ArrayList<>(kind);
        values.addAll(List.of(outOfRange));
        for (String v : values) {
            out.add(new BadSpec(f, name + (name.contains(":") ? "," : ":") + key + "=" + v, key, v));
        }
    }

    static List<BadSpec> all() {
        List<BadSpec> s = new ArrayList<>();
        Family sc = Family.SCHEDULE;
        key(s, sc, "linear", "T", BAD_INTEGERS, "0", "-5");
        key(s, sc, "linear", "b0", BAD_REALS, "-1");
        key(s, sc, "linear", "b1", List.of("NaN"), "2", "-0.5");
        key(s, sc, "cosine", "T", List.of("x"), "1");
        key(s, sc, "cosine", "s", List.of("NaN", "Infinity"), "2", "-1");
        key(s, sc, "sqrtlinear", "b1", List.of("NaN"), "1.5");
        key(s, sc, "linear", "T", List.of(), "10000000", "200000"); // the signal underflows (abar_T < e^-700)
        key(s, sc, "sqrtlinear", "T", List.of(), "5000000");
        key(s, sc, "linear", "b0", List.of(), "0.03"); // above the default b1 = 0.02: falling betas
        key(s, sc, "sqrtlinear", "b0", List.of(), "0.02"); // above the default b1 = 0.012
        key(s, sc, "li", "c0", List.of("NaN"), "0", "-1");
        key(s, sc, "li", "T", List.of("abc"), "2");
        key(s, sc, "vp", "bmin", List.of("NaN"), "-1");
        key(s, sc, "vp", "bmax", List.of("NaN", "Infinity"));
        key(s, sc, "vp", "eps", List.of("NaN"), "0.9", "-1");
        key(s, sc, "ve", "smin", List.of("NaN"), "0", "-1");
        key(s, sc, "ve", "smax", List.of("NaN", "-Infinity"));
        key(s, sc, "edm", "smin", List.of("NaN"), "0");
        key(s, sc, "edm", "smax", List.of("NaN"), "-1");
        Family ta = Family.TARGET;
        key(s, ta, "gaussian", "d", BAD_INTEGERS, "0", "-1");
        key(s, ta, "gaussian", "mean", BAD_REALS);
        key(s, ta, "gaussian", "var", BAD_REALS, "0", "-1");
        key(s, ta, "gaussian:d=2,var=0.1", "spread", List.of("NaN"), "0.5");
        key(s, ta, "gaussian:d=2", "diag", List.of("1;-2", "NaN;1", "abc", "1;2;3"));
        key(s, ta, "gmm", "preset", List.of("ring0", "nope", "grid8"));
        key(s, ta, "gmm:preset=ring8", "radius", List.of("NaN"), "-2");
        key(s, ta, "gmm", "var", List.of("NaN", "Infinity"), "0");
        key(s, ta, "gmm", "k", BAD_INTEGERS, "0", "-1");
        Family in = Family.INTEGRATOR;
        key(s, in, "ddpm", "variance", List.of("huge", "1"));
        key(s, in, "ddim", "eta", BAD_REALS, "2", "-0.1");
        key(s, in, "eulerMaruyama", "lambda", BAD_REALS, "-1");
        key(s, in, "exponentialEuler", "lambda", List.of("NaN"), "-1");
        key(s, in, "dpmSolverPP2MSde", "eta", List.of("NaN"), "-0.5");
        key(s, in, "lms", "order", List.of("x", "2.5"), "0", "5");
        key(s, in, "ipndm", "order", List.of("x"), "0", "5");
        key(s, in, "unipc", "order", List.of("x"), "0", "4");
        key(s, in, "unipc", "variant", List.of("bh3", "BH1"));
        key(s, in, "deis", "order", List.of("x"), "0", "4");
        key(s, in, "edmStochastic", "churn", List.of("NaN", "Infinity"), "-1");
        key(s, in, "edmStochastic", "tmin", List.of("NaN"), "-1", "60"); // 60 > tmax = 50
        key(s, in, "edmStochastic", "tmax", List.of("NaN", "-Infinity"), "0.01"); // 0.01 < tmin = 0.05
        key(s, in, "edmStochastic", "noise", List.of("NaN"), "0", "-1");
        key(s, in, "dpmSolverPP3MSde", "eta", List.of("NaN"), "-1");
        key(s, in, "dpm2Ancestral", "eta", List.of("NaN"), "-1");
        key(s, in, "dpmSolverPP2SAncestral", "eta", List.of("NaN"), "-1");
        key(s, in, "dpmSolverPPSde", "eta", List.of("NaN", "Infinity"), "-1");
        key(s, in, "acceleratedOde", "form", List.of("nope"));
        key(s, in, "acceleratedOde", "c", List.of("NaN", "Infinity"));
        key(s, in, "momentumStochastic", "clip", List.of("NaN", "-Infinity"), "0", "-1");
        key(s, in, "poissonMidpoint", "lambda", List.of("NaN"), "-1");
        key(s, in, "poissonMidpoint", "select", List.of("all"));
        key(s, in, "poissonMidpoint", "share", List.of("row"));
        key(s, in, "poissonMidpoint", "variance", List.of("medium"));
        key(s, in, "poissonMidpoint", "substeps", List.of("x"), "0");
        key(s, in, "mlem", "rate", List.of("NaN", "-Infinity"), "-1");
        key(s, in, "mlem", "form", List.of("midpoint"));
        key(s, in, "picardBlocks", "points", List.of("x"), "0");
        key(s, in, "picardBlocks", "tol", List.of("NaN"), "-1");
        for (String v : List.of("NaN", "Infinity", "x", "0", "-1")) { // blocks by diffusion time: length, with a fixed K and no tolerance
            s.add(new BadSpec(in, "picardBlocks:sweeps=3,length=" + v, "length", v));
        }
        for (String v : List.of("inf", "x", "0", "-2")) {
            s.add(new BadSpec(in, "picardBlocks:length=1,sweeps=" + v, "sweeps", v));
        }
        s.add(new BadSpec(in, "picardBlocks:length=1,sweeps=3,points=8", "points", "8"));
        s.add(new BadSpec(in, "picardBlocks:length=1,sweeps=3,tol=0.01", "tol", "0.01"));
        key(s, in, "paradigms", "sampler", List.of("foo", "heun"));
        key(s, in, "paradigms", "window", List.of("x"), "0");
        key(s, in, "paradigms", "tol", List.of("NaN"), "-1");
        Family gr = Family.GRID;
        key(s, gr, "karras", "rho", BAD_REALS, "0", "-1");
        key(s, gr, "power", "p", List.of("NaN", "abc"), "0", "-1");
        for (Family f : Family.values()) {
            String name = switch (f) {
                case SCHEDULE -> "linear";
                case TARGET -> "gaussian";
                case INTEGRATOR -> "ddim";
                case GRID -> "karras";
            };
            s.add(new BadSpec(f, "nope", "name", "nope"));
            s.add(new BadSpec(f, name + ":zz=1", "zz", "zz"));
            s.add(new BadSpec(f, name + ":=1", "key=value", "'=1'"));
            s.add(new BadSpec(f, name + ":zz", "key=value", "'zz'"));
            s.add(new BadSpec(f, name + ":zz=1,zz=2", "zz", "twice"));
        }
        return s;
    }
}

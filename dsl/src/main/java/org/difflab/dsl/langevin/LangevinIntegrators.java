package org.difflab.dsl.langevin;

import java.util.List;
import java.util.function.Function;
import org.difflab.dsl.integrator.MidpointNoise;
import org.difflab.dsl.integrator.MidpointSelection;
import org.difflab.dsl.integrator.PoissonMidpoint;
import org.difflab.dsl.spec.Registry;
import org.difflab.dsl.spec.Spec;

/**
 * The registry of Langevin integrators, the counterpart of {@code Integrators}: factory methods for code and
 * name-to-factory registrations for spec strings such as {@code plmc:K=10,select=one}. A new Langevin sampler adds one
 * {@link #register} line here and is then listed, parsed and put through the Langevin conformance suite.
 */
public final class LangevinIntegrators {
    private static final Registry<LangevinIntegrator> REGISTRY = new Registry<>("Langevin integrator");

    static {
        register("lmc", "overdamped Langevin Monte Carlo (unadjusted Langevin algorithm)", "", s -> new Lmc());
        register("ulmc", "underdamped LMC, exact OU integrator with frozen force", "", s -> new Ulmc());
        register("randomizedMidpoint", "Shen-Lee randomized midpoint (NeurIPS 2019)", "form=overdamped|underdamped,noise=coupled|independent",
                RandomizedMidpoint::fromSpec);
        register("plmc", "Poisson midpoint LMC (Kandasamy-Nagaraj 2024)",
                "K=10,lambda=1,select=bernoulli|one,form=overdamped|underdamped,noise=dense|sparse,share=sample|batch",
                Plmc::fromSpec);
    }

    private LangevinIntegrators() {}

    /** Registers a Langevin integrator under a name (case-insensitive in specs). */
    public static void register(String name, String description, String parameters, Function<Spec, LangevinIntegrator> factory) {
        REGISTRY.register(name, description, parameters, factory);
    }

    /** Every registration, in registration order. */
    public static List<Registry.Entry<LangevinIntegrator>> registrations() {
        return REGISTRY.entries();
    }

    /** One default-configured instance of every registered integrator. */
    public static List<LangevinIntegrator> all() {
        return REGISTRY.all();
    }

    /** Builds a Langevin integrator from a spec such as {@code lmc} or {@code randomizedMidpoint:form=underdamped}. */
    public static LangevinIntegrator parse(String text) {
        return REGISTRY.parse(text);
    }

    /** Overdamped LMC. */
    public static LangevinIntegrator lmc() {
        return new Lmc();
    }

    /** Underdamped LMC with the exact OU integrator. */
    public static LangevinIntegrator ulmc() {
        return new Ulmc();
    }

    /** Shen-Lee randomized midpoint with coupled noise. */
    public static LangevinIntegrator randomizedMidpoint(Dynamics form) {
        return new RandomizedMidpoint(form, RandomizedMidpoint.Coupling.COUPLED);
    }

    /** Shen-Lee randomized midpoint with the given noise coupling. */
    public static LangevinIntegrator randomizedMidpoint(Dynamics form, RandomizedMidpoint.Coupling coupling) {
        return new RandomizedMidpoint(form, coupling);
    }

    /** Overdamped PLMC with K sub-steps, the paper's Bernoulli(1/K) selection per chain and dense noise. */
    public static LangevinIntegrator plmc(int k) {
        return new Plmc(PoissonMidpoint.langevin(k, 1, MidpointSelection.Rule.BERNOULLI, Dynamics.OVERDAMPED, MidpointNoise.DENSE,
                MidpointSelection.Share.SAMPLE));
    }
}

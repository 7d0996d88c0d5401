package org.difflab.dsl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.model.PerturbedScore;
import org.difflab.dsl.noise.BrownianPathNoise;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.GaussianMixture;
import org.difflab.dsl.target.Targets;
import org.difflab.dsl.testing.ManagerPerTestClass;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The convention of DESIGN.md: every public entry point rejects bad input with an IllegalArgumentException
 * that names the parameter and its value, so a user can fix a spec or a call from the message alone.
 */
class BadInputTest {
    @RegisterExtension
    static final ManagerPerTestClass MANAGER = new ManagerPerTestClass();

    private static Arguments bad(String label, ThrowingCallable call, String parameter, String value) {
        return Arguments.of(label, call, parameter, value);
    }

    static Stream<Arguments> invalidCalls() {
        return Stream.of(
                // schedule specs
                bad("schedule linear:T=0", () -> Schedules.parse("linear:T=0"), "T", "0"),
                bad("schedule linear:T=abc", () -> Schedules.parse("linear:T=abc"), "T", "abc"),
                bad("schedule linear:b0=-1", () -> Schedules.parse("linear:b0=-1"), "b0", "-1"),
                bad("schedule linear:b1=NaN", () -> Schedules.parse("linear:b1=NaN"), "b1", "NaN"),
                bad("schedule cosine:T=1", () -> Schedules.parse("cosine:T=1"), "T", "1"),
                bad("schedule cosine:s=2", () -> Schedules.parse("cosine:s=2"), "s", "2"),
                bad("schedule sqrtlinear:b1=1.5", () -> Schedules.parse("sqrtlinear:b1=1.5"), "b1", "1.5"),
                bad("schedule li:T=100,c1=1000", () -> Schedules.parse("li:T=100,c1=1000"), "c1", "1000"),
                bad("schedule li:c0=0", () -> Schedules.parse("li:c0=0"), "c0", "0"),
                bad("schedule li:T=2", () -> Schedules.parse("li:T=2"), "T", "2"),
                bad("schedule vp:bmin=5,bmax=1", () -> Schedules.parse("vp:bmin=5,bmax=1"), "bmin", "5"),
                bad("schedule vp:eps=0.9", () -> Schedules.parse("vp:eps=0.9"), "eps", "0.9"),
                bad("schedule ve:smin=1,smax=0.5", () -> Schedules.parse("ve:smin=1,smax=0.5"), "smax", "0.5"),
                bad("schedule edm:smin=0", () -> Schedules.parse("edm:smin=0"), "smin", "0"),
                bad("schedule foo", () -> Schedules.parse("foo"), "name", "foo"),
                bad("schedule linear:T=10,zz=1", () -> Schedules.parse("linear:T=10,zz=1"), "zz", "zz=1"),
                bad("schedule linear:T", () -> Schedules.parse("linear:T"), "key=value", "'T'"),
                bad("schedule linear:T=5,T=6", () -> Schedules.parse("linear:T=5,T=6"), "T", "twice"),
                bad("schedule ''", () -> Schedules.parse(""), "schedule spec", "''"),
                bad("schedule linear:T=10000000", () -> Schedules.parse("linear:T=10000000"), "T", "10000000"),
                bad("schedule linear:b0=0.5,b1=0.9", () -> Schedules.parse("linear:T=1000,b0=0.5,b1=0.9"), "T", "1000"),
                bad("schedule linear:b0=0.02,b1=1e-4", () -> Schedules.parse("linear:b0=0.02,b1=1e-4"), "b0", "0.02"),
                bad("schedule sqrtlinear:b0=0.012,b1=0.00085", () -> Schedules.parse("sqrtlinear:b0=0.012,b1=0.00085"), "b0", "0.012"),
                bad("schedule sqrtlinear:T=5000000", () -> Schedules.parse("sqrtlinear:T=5000000"), "T", "5000000"),
                // direct schedule calls
                bad("linearBeta b1=1.2", () -> Schedules.linearBeta(0.01, 1.2, 100), "b1", "1.2"),
                bad("ddpm alphaBar(1001)", () -> Schedules.ddpm().alphaBar(1001), "t", "1001"),
                bad("vp alpha(1.5)", () -> Schedules.vp().alpha(1.5), "t", "1.5"),
                // target specs
                bad("target gaussian:d=0", () -> Targets.parse("gaussian:d=0"), "d", "0"),
                bad("target gaussian:var=-1", () -> Targets.parse("gaussian:var=-1"), "var", "-1"),
                bad("target gaussian:d=2,diag=1;2;3", () -> Targets.parse("gaussian:d=2,diag=1;2;3"), "diag", "1;2;3"),
                bad("target gaussian:d=2,diag=1;-2", () -> Targets.parse("gaussian:d=2,diag=1;-2"), "diag", "1;-2"),
                bad("target gaussian:mean=NaN", () -> Targets.parse("gaussian:mean=NaN"), "mean", "NaN"),
                bad("target gaussian:spread=0.5", () -> Targets.parse("gaussian:spread=0.5"), "spread", "0.5"),
                bad("target gmm:preset=ring0", () -> Targets.parse("gmm:preset=ring0"), "preset", "ring0"),
                bad("target gmm:preset=grid8", () -> Targets.parse("gmm:preset=grid8"), "preset", "grid8"),
                bad("target gmm:preset=star5", () -> Targets.parse("gmm:preset=star5"), "preset", "star5"),
                bad("target gmm:preset=ring8,radius=-2", () -> Targets.parse("gmm:preset=ring8,radius=-2"), "radius", "-2"),
                bad("target gmm:k=0", () -> Targets.parse("gmm:k=0"), "k", "0"),
                bad("target gmm:var=0", () -> Targets.parse("gmm:var=0"), "var", "0"),
                bad("target cauchy", () -> Targets.parse("cauchy"), "name", "cauchy"),
                // grid specs and grids
                bad("grid karras:rho=0", () -> Grids.parse("karras:rho=0", 10), "rho", "0"),
                bad("grid karras:rho=x", () -> Grids.parse("karras:rho=x", 10), "rho", "x"),
                bad("grid spiral", () -> Grids.parse("spiral", 10), "name", "spiral"),
                bad("grid power:p=0", () -> Grids.parse("power:p=0", 10), "p", "0"),
                bad("power(45, 2) on ddpm", () -> Grids.power(45, 2).on(Schedules.ddpm()), "steps", "45"),
                bad("grid uniform with 0 steps", () -> Grids.parse("uniform", 0), "steps", "0"),
                bad("grid uniform:n=3", () -> Grids.parse("uniform:n=3", 10), "n", "n=3"),
                bad("Grids.uniform(0)", () -> Grids.uniform(0), "steps", "0"),
                bad("Grids.quadratic(-3)", () -> Grids.quadratic(-3), "steps", "-3"),
                bad("uniform(1001) on ddpm", () -> Grids.uniform(1001).on(Schedules.ddpm()), "steps", "1001"),
                bad("respaced(0, 5)", () -> Grids.respaced(0, 5), "indices", "0"),
                bad("respaced(5, 5)", () -> Grids.respaced(5, 5), "indices", "5"),
                bad("respaced(10, 2000) on ddpm", () -> Grids.respaced(10, 2000).on(Schedules.ddpm()), "index", "2000"),
                bad("respaced on vp", () -> Grids.respaced(10, 20).on(Schedules.vp()), "schedule", "vp"),
                bad("TimeGrid increasing", () -> new TimeGrid(Schedules.ddpm(), new double[] {10, 20, 0}), "t_1", "20"),
                bad("TimeGrid beyond tMax", () -> new TimeGrid(Schedules.vp(), new double[] {2, 0}), "t_0", "2"),
                // integrator specs
                bad("integrator ddim:eta=2", () -> Integrators.parse("ddim:eta=2"), "eta", "2"),
                bad("integrator ddpm:variance=huge", () -> Integrators.parse("ddpm:variance=huge"), "variance", "huge"),
                bad("integrator nope", () -> Integrators.parse("nope"), "name", "nope"),
                bad("integrator eulerMaruyama:lambda=-1", () -> Integrators.parse("eulerMaruyama:lambda=-1"), "lambda", "-1"),
                bad("integrator dpmSolverPP2MSde:eta=-0.5", () -> Integrators.parse("dpmSolverPP2MSde:eta=-0.5"), "eta", "-0.5"),
                bad("integrator heun:order=3", () -> Integrators.parse("heun:order=3"), "order", "order=3"),
                bad("integrator poissonMidpoint:lambda=-1", () -> Integrators.parse("poissonMidpoint:lambda=-1"), "lambda", "-1"),
                bad("integrator poissonMidpoint:share=sample,noise=sparse", () -> Integrators.parse("poissonMidpoint:share=sample,noise=sparse"),
                        "noise", "sparse"),
                bad("integrator poissonMidpoint:substeps=0", () -> Integrators.parse("poissonMidpoint:substeps=0"), "substeps", "0"),
                // direct constructors
                bad("Gaussian.diagonal NaN mean", () -> Gaussian.diagonal(new double[] {Double.NaN, 0}, new double[] {1, 1}), "mean[0]", "NaN"),
                bad("Gaussian.diagonal dimensions", () -> Gaussian.diagonal(new double[] {0, 0}, new double[] {1, 1, 1}), "variances", "3"),
                bad("Gaussian.diagonal negative variance", () -> Gaussian.diagonal(new double[] {0}, new double[] {-1}), "variances[0]", "-1"),
                bad("Gaussian.full non-symmetric", () -> Gaussian.full(new double[] {0, 0}, new double[][] {{1, 0.5}, {0.2, 1}}),
                        "covariance[1][0]", "0.2"),
                bad("Gaussian.full not positive definite", () -> Gaussian.full(new double[] {0, 0}, new double[][] {{1, 0}, {0, -2}}),
                        "covariance", "-2.0"),
                bad("Gaussian.full dimensions", () -> Gaussian.full(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}, {0, 0}}),
                        "covariance", "3"),
                bad("Gaussian.isotropic var=0", () -> Gaussian.isotropic(2, 0, 0), "var", "0"),
                bad("Targets.ring k=0", () -> Targets.ring(0, 2, 0.1), "k", "0"),
                bad("Targets.rotatedGaussian spread=-2", () -> Targets.rotatedGaussian(3, 0, 1, -2, 1), "spread", "-2"),
                bad("GaussianMixture negative weight", () -> new GaussianMixture(List.of(Targets.gaussian(2), Targets.gaussian(2)),
                        new double[] {1, -1}, "x"), "weights[1]", "-1"),
                bad("Gaussian score of wrong dimension", () -> Targets.gaussian(3).score(MANAGER.get().zeros(new Shape(4, 2), DataType.FLOAT64),
                        Schedules.vp().level(0.5)), "x", "2"),
                bad("PerturbedScore size=-1", () -> new PerturbedScore(Targets.gaussian(2).exactScore(), -1,
                        PerturbedScore.ErrorShape.CONSTANT, 1), "size", "-1"),
                bad("BrownianPathNoise depth=0", () -> new BrownianPathNoise(1, 1, 0), "depth", "0"),
                bad("BrownianPathNoise span=0", () -> new BrownianPathNoise(1, 0, 10), "span", "0"),
                bad("BrownianPathNoise empty interval", () -> new BrownianPathNoise(1, 1, 10).open(0, 2)
                        .normal(MANAGER.get(), new Shape(1), DataType.FLOAT64, 0.5, 0.5), "interval", "0.5"),
                bad("Require.nonEmpty of no integrators", () -> Require.nonEmpty("integrators", "integrator", new Object[0]), "integrators",
                        "empty"),
                bad("Require.nonEmpty with a null integrator", () -> Require.nonEmpty("integrators", "integrator",
                        new Object[] {Integrators.ddim(), null}), "integrators[1]", "null"),
                bad("noise as int32", () -> new org.difflab.dsl.noise.PerSampleNoise(1).open(0, 2)
                        .normal(MANAGER.get(), new Shape(1), DataType.INT32), "type", "int32"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCalls")
    void rejectedWithParameterAndValueInTheMessage(String label, ThrowingCallable call, String parameter, String value) {
        assertThatThrownBy(call).as(label)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(parameter)
                .hasMessageContaining(value);
    }
}

package org.difflab.theory.langevin;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.difflab.dsl.Require;
import org.difflab.dsl.langevin.OrnsteinUhlenbeck;

/**
 * Closed-form stationary variances of Langevin samplers on the 1-D standard Gaussian (F(x) = x^2/2, b(x) = -x; the
 * truth is 1): the oracles of the stationary-variance checks. The overdamped ones are those of the research note,
 * section 9.1, which derives them and checks them by Monte Carlo (tag [X]: the note's own derivation, not a paper's).
 * Each step is X' = c X + N with (c, N) independent of X, so V = E[N^2]/(1 - E[c^2]).
 *
 * <p>The underdamped ones are DiffLab's own derivation, in the same way: a step maps the state (U, V) by a random 2 x 2
 * matrix C plus Gaussian noise with covariance Q, so the stationary covariance solves Sigma = E[C Sigma C^T] + E[Q];
 * ULMC has no auxiliary randomness, and the randomized midpoint's expectation over alpha is taken by 40-point
 * Gauss-Legendre quadrature (the integrands are smooth in alpha). The rule's nodes and weights are computed in double
 * precision (commons-math's {@code legendre}: within 2e-16 of its BigDecimal {@code legendreHighPrecision} rule, which
 * took 3-19 s of every {@code difflab check}'s start, since the catalogue evaluates these closed forms when it is built).
 */
public final class StationaryVarianceClosedForm {
    private static final GaussIntegrator LEGENDRE = new GaussIntegratorFactory().legendre(40, 0, 1);

    private StationaryVarianceClosedForm() {}

    /** LMC(h): 1/(1 - h/2). */
    public static double lmc(double h) {
        Require.positive("h", h);
        return 1 / (1 - h / 2);
    }

    /** Shen-Lee overdamped randomized midpoint with one Brownian path: (2 - 2h + h^2)/(2 - 2h + h^2 - h^3/3) = 1 + h^3/6 + O(h^4). */
    public static double rlmcCoupled(double h) {
        Require.positive("h", h);
        return (2 - 2 * h + h * h) / (2 - 2 * h + h * h - h * h * h / 3);
    }

    /** The same with independent midpoint and step noise (the classic bug): (2 + h^2)/(2 - 2h + h^2 - h^3/3) = 1 + h + O(h^2). */
    public static double rlmcIndependent(double h) {
        Require.positive("h", h);
        return (2 + h * h) / (2 - 2 * h + h * h - h * h * h / 3);
    }

    /** E[c] of PLMC(eta, K) with Bernoulli(1/K) selection: 1 - eta + eta^2 (K - 1)/(2K). */
    public static double plmcMeanC(double eta, int k) {
        check(eta, k);
        return 1 - eta + eta * eta * (k - 1) / (2.0 * k);
    }

    /** E[c^2] of PLMC(eta, K): E[c]^2 + eta^4 (K - 1)^2 (2K - 1)/(6 K^3). */
    public static double plmcMeanCSquared(double eta, int k) {
        double c = plmcMeanC(eta, k);
        double kk = k;
        return c * c + Math.pow(eta, 4) * (kk - 1) * (kk - 1) * (2 * kk - 1) / (6 * kk * kk * kk);
    }

    /** E[N^2] of PLMC(eta, K): 2 eta [1 - eta (K - 1)/K + eta^2 (K - 1)(5K - 4)/(6 K^2)]. */
    public static double plmcMeanNoiseSquared(double eta, int k) {
        check(eta, k);
        double kk = k;
        return 2 * eta * (1 - eta * (kk - 1) / kk + eta * eta * (kk - 1) * (5 * kk - 4) / (6 * kk * kk));
    }

    /** PLMC(eta, K), overdamped, Bernoulli(1/K) selection: E[N^2]/(1 - E[c^2]); K = 1 is LMC(eta). */
    public static double plmc(double eta, int k) {
        return plmcMeanNoiseSquared(eta, k) / (1 - plmcMeanCSquared(eta, k));
    }

    /**
     * PLMC(eta, K) with exactly one uniform sub-index j in {0, .., K-1} and weight K ({@code select=one}; DiffLab's
     * derivation, as in section 9.1): c = 1 - eta + eta^2 j/K and E[N^2 | j] = 2 (eta/K) (K - j (2 eta - eta^2)), so
     * E[c^2] = E[c]^2 + eta^4 (K^2 - 1)/(12 K^2) and E[N^2] = 2 eta (1 - (2 eta - eta^2)(K - 1)/(2K)). As K grows it
     * tends to the coupled randomized midpoint, whose alpha it puts on the grid {0, 1/K, ..}.
     */
    public static double plmcOne(double eta, int k) {
        double c = plmcMeanC(eta, k);
        double kk = k;
        double cSquared = c * c + Math.pow(eta, 4) * (kk * kk - 1) / (12 * kk * kk);
        double noise = 2 * eta * (1 - (2 * eta - eta * eta) * (kk - 1) / (2 * kk));
        return noise / (1 - cSquared);
    }

    /** The K to infinity limit of PLMC(eta, K): (1 - eta + 5 eta^2/6)/(1 - eta + eta^2/2 - 7 eta^3/24) = 1 + eta^2/3 + O(eta^3). */
    public static double plmcLimit(double eta) {
        Require.positive("eta", eta);
        return (1 - eta + 5 * eta * eta / 6) / (1 - eta + eta * eta / 2 - 7 * eta * eta * eta / 24);
    }

    private static void check(double eta, int k) {
        Require.positive("eta", eta);
        Require.positive("K", k);
    }

    /** Stationary position variance of ULMC(h) with friction gamma (exact OU integrator, frozen force). */
    public static double ulmc(double h, double gamma) {
        Require.positive("h", h);
        OrnsteinUhlenbeck ou = new OrnsteinUhlenbeck(gamma);
        double[][] c = {{1 - ou.phi2(h), ou.phi1(h)}, {-ou.phi1(h), ou.decay(h)}};
        return stationary(kron(c), ou.noiseCovariance(h))[0][0];
    }

    /**
     * Stationary position variance of Shen-Lee's underdamped randomized midpoint with friction gamma, with coupled
     * (one Brownian path) or independent midpoint noise, averaged over alpha by quadrature.
     */
    public static double rlmcUnderdamped(double h, double gamma, boolean coupled) {
        Require.positive("h", h);
        OrnsteinUhlenbeck ou = new OrnsteinUhlenbeck(gamma);
        double[][] m = new double[4][4];
        double[][] q = new double[2][2];
        for (int p = 0; p < LEGENDRE.getNumberOfPoints(); p++) {
            double alpha = LEGENDRE.getPoint(p);
            double w = LEGENDRE.getWeight(p);
            double[][][] step = rlmcUnderdampedStep(ou, h, alpha, coupled);
            double[][] mk = kron(step[0]);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    m[i][j] += w * mk[i][j];
                }
            }
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    q[i][j] += w * step[1][i][j];
                }
            }
        }
        return stationary(m, q)[0][0];
    }

    /** {C, Q} of one underdamped randomized-midpoint step on b(u) = -u at a given alpha. */
    private static double[][][] rlmcUnderdampedStep(OrnsteinUhlenbeck ou, double h, double alpha, boolean coupled) {
        double a = alpha * h;
        double rest = h - a;
        double su = ou.positionNoiseScale();
        double sv = ou.velocityNoiseScale();
        // u_mid = (1 - phi2(a)) u + phi1(a) v + su (H1 - G1)
        double[] mid = {1 - ou.phi2(a), ou.phi1(a)};
        double ku = h * ou.phi1(rest);
        double kv = h * ou.decay(rest);
        double[][] c = {{1 - ku * mid[0], ou.phi1(h) - ku * mid[1]}, {-kv * mid[0], ou.decay(h) - kv * mid[1]}};
        // noise in the draws (H1, G1, H2, G2): H = B_a or B_h - B_a, G = int e^{-gamma(end - r)} dB over each piece
        double[][] s = new double[4][4];
        s[0][0] = a;
        s[1][1] = -Math.expm1(-2 * ou.friction() * a) / (2 * ou.friction());
        s[0][1] = s[1][0] = ou.phi1(a);
        s[2][2] = rest;
        s[3][3] = -Math.expm1(-2 * ou.friction() * rest) / (2 * ou.friction());
        s[2][3] = s[3][2] = ou.phi1(rest);
        double[][] q = new double[2][2];
        if (coupled) {
            double[] midNoise = {su, -su, 0, 0};
            double[] gEnd = {0, ou.decay(rest), 0, 1};
            double[] hEnd = {1, 0, 1, 0};
            double[][] rows = new double[2][4];
            for (int j = 0; j < 4; j++) {
                rows[0][j] = su * (hEnd[j] - gEnd[j]) - ku * midNoise[j];
                rows[1][j] = sv * gEnd[j] - kv * midNoise[j];
            }
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < 2; k++) {
                    for (int p = 0; p < 4; p++) {
                        for (int r = 0; r < 4; r++) {
                            q[i][k] += rows[i][p] * s[p][r] * rows[k][r];
                        }
                    }
                }
            }
        } else {
            double midVar = su * su * (s[0][0] - 2 * s[0][1] + s[1][1]);
            double[][] end = ou.noiseCovariance(h);
            double[] k = {ku, kv};
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    q[i][j] = end[i][j] + k[i] * k[j] * midVar;
                }
            }
        }
        return new double[][][] {c, q};
    }

    /** C (x) C for a 2 x 2 matrix, in the row-major vectorisation vec(C S C^T) = (C (x) C) vec(S). */
    private static double[][] kron(double[][] c) {
        double[][] k = new double[4][4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int p = 0; p < 2; p++) {
                    for (int r = 0; r < 2; r++) {
                        k[2 * i + j][2 * p + r] = c[i][p] * c[j][r];
                    }
                }
            }
        }
        return k;
    }

    /** The solution Sigma of Sigma = M(Sigma) + Q, with M acting on the row-major vectorisation of 2 x 2 matrices. */
    private static double[][] stationary(double[][] m, double[][] q) {
        RealMatrix l = new Array2DRowRealMatrix(4, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                l.setEntry(i, j, (i == j ? 1 : 0) - m[i][j]);
            }
        }
        double[] s = new LUDecomposition(l).getSolver().solve(new ArrayRealVector(new double[] {q[0][0], q[0][1], q[1][0], q[1][1]})).toArray();
        return new double[][] {{s[0], s[1]}, {s[2], s[3]}};
    }
}

package io.argus.timeseries.methods;

import io.argus.core.Context;
import io.argus.core.linalg.SymmetricEigen;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.timeseries.prep.Periods;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POLY: polynomial extrapolation. A polynomial of degree {@code power} is fitted by least squares to the
 * previous w values and extrapolated one step; the score of a step is the absolute prediction error.
 *
 * <p>After the POLY baseline of TSB-UAD (Paparrizos, Kang, Boniol, Tsay, Palpanas, Franklin, "TSB-UAD:
 * An End-to-End Benchmark Suite for Univariate Time-Series Anomaly Detection", PVLDB 2022) and TSB-AD
 * (third on TSB-AD-U's VUS-PR leaderboard); defaults w = the training part's period (TSB-AD's
 * {@code periodicity} = 1) and power = 3 (TSB-UAD's {@code POLY(power=3)}). The window positions are
 * fixed (0..w−1, scaled to [0, 1] for conditioning), so the least-squares extrapolation at position w is
 * one fixed linear filter h = e(w)ᵀ(VᵀV)⁻¹Vᵀ computed once, and scoring is a convolution. The first w
 * steps, which have no full history, take the first computed score.
 *
 * <p>Time O(n·w + w·p² + p³), memory O(w).
 */
public final class Poly implements UnivariateDetector {

    private final PolyParams params;

    /** A detector with the given parameters. */
    public Poly(PolyParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return PolyProvider.NAME;
    }

    @Override
    public UnivariateModel fit(double[] train, Context ctx) {
        float[] f = new float[train.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) train[i];
        }
        int w = Periods.window(params.window(), 1.0, f);
        if (w <= params.power()) {
            w = params.power() + 1;
        }
        return new Fitted(filter(w, params.power()));
    }

    /** The extrapolation filter: prediction at position w = Σ h_k·x_{t−w+k}. */
    static double[] filter(int w, int power) {
        int p = power + 1;
        double[] vtv = new double[p * p];
        double[][] v = new double[w][p];
        for (int k = 0; k < w; k++) {
            double u = (double) k / w;
            double pw = 1;
            for (int j = 0; j < p; j++) {
                v[k][j] = pw;
                pw *= u;
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    vtv[a * p + b] += v[k][a] * v[k][b];
                }
            }
        }
        // (VᵀV)⁻¹ by eigen-decomposition (symmetric positive definite for w > power).
        SymmetricEigen eig = SymmetricEigen.of(vtv, p);
        double[] e = new double[p];
        for (int j = 0; j < p; j++) {
            e[j] = 1.0; // u = w / w = 1, so every power is 1
        }
        double[] coef = new double[p]; // (VᵀV)⁻¹ e
        for (int k = 0; k < p; k++) {
            double[] q = eig.vector(k);
            double lambda = eig.value(k);
            if (lambda <= 1e-14 * eig.value(0)) {
                continue;
            }
            double d = 0;
            for (int j = 0; j < p; j++) {
                d += q[j] * e[j];
            }
            for (int j = 0; j < p; j++) {
                coef[j] += q[j] * d / lambda;
            }
        }
        double[] h = new double[w];
        for (int k = 0; k < w; k++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += v[k][j] * coef[j];
            }
            h[k] = s;
        }
        return h;
    }

    static UnivariateModel restore(Map<String, Tensor> state) {
        return new Fitted(StateTensors.doubles(state, "filter"));
    }

    /** The fitted extrapolation filter. */
    record Fitted(double[] filter) implements UnivariateModel {

        @Override
        public double[] score(double[] x, Context ctx) {
            int w = filter.length;
            if (x.length <= w) {
                throw new IllegalArgumentException("poly: series has " + x.length + " steps, needs more than the window " + w);
            }
            double[] out = new double[x.length];
            for (int t = w; t < x.length; t++) {
                double pred = 0;
                for (int k = 0; k < w; k++) {
                    pred += filter[k] * x[t - w + k];
                }
                out[t] = Math.abs(x[t] - pred);
            }
            for (int t = 0; t < w; t++) {
                out[t] = out[w];
            }
            return out;
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("filter", Tensor.f64(filter.clone(), filter.length));
            return s;
        }
    }
}

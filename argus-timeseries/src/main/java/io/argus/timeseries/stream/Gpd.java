package io.argus.timeseries.stream;

/**
 * The generalised Pareto distribution of excesses Y over a threshold, F(y) = 1 − (1 + γy/σ)^(−1/γ)
 * (the exponential 1 − e^(−y/σ) at γ = 0), fitted by maximum likelihood with Grimshaw's trick
 * (Grimshaw, "Computing Maximum Likelihood Estimates for the Generalized Pareto Distribution",
 * Technometrics 1993), as SPOT uses it: Siffer, Fouque, Termier, Largouët, "Anomaly Detection in Streams
 * with Extreme Value Theory", KDD 2017, §3.2.
 *
 * <p>The likelihood's stationary points satisfy u(x)·v(x) = 1 with u(x) = (1/N)Σ 1/(1 + xYᵢ) and
 * v(x) = 1 + (1/N)Σ log(1 + xYᵢ); each root x* gives γ = v(x*) − 1 and σ = γ/x*. The roots lie in
 * (−1/Y_max, 0) and (0, 2(Ȳ − Y_min)/Y_min²) (the paper's bounds); both intervals are scanned on a
 * grid for sign changes, each bracketed root is refined by bisection, and among the roots and the
 * exponential fit (γ = 0, σ = Ȳ) the one with the highest log-likelihood wins. The authors' code finds
 * the roots by L-BFGS-B from a grid of starting points; bracketing finds the same roots without a
 * numerical optimiser. (Their exponential log-likelihood has a sign slip, n(1 + log Ȳ); the correct
 * −n(1 + log Ȳ) is used here.)
 *
 * @param gamma shape γ
 * @param sigma scale σ &gt; 0
 * @param logLikelihood log-likelihood of the excesses at (γ, σ)
 */
public record Gpd(double gamma, double sigma, double logLikelihood) {

    private static final int GRID = 200;

    /**
     * Fits excesses (all &gt; 0).
     *
     * @throws IllegalArgumentException when there are no excesses or one is not positive and finite
     */
    public static Gpd fit(double[] y, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("GPD fit needs at least 1 excess, got 0");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(y[i] > 0) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("excess " + i + " is " + y[i] + "; excesses must be positive and finite");
            }
            min = Math.min(min, y[i]);
            max = Math.max(max, y[i]);
            sum += y[i];
        }
        double mean = sum / n;
        Gpd best = new Gpd(0, mean, logLikelihood(y, n, 0, mean));
        if (n < 2 || max == min) {
            return best;
        }
        double eps = 1e-8 / max;
        double a = -1 / max + eps;
        double b = -eps;
        double c = eps;
        double d = 2 * (mean - min) / (min * min);
        for (double root : roots(y, n, a, b)) {
            best = better(best, y, n, root);
        }
        for (double root : roots(y, n, c, d)) {
            best = better(best, y, n, root);
        }
        return best;
    }

    /** log-likelihood of excesses under GPD(γ, σ); −∞ outside the support. */
    public static double logLikelihood(double[] y, int n, double gamma, double sigma) {
        if (!(sigma > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (gamma == 0) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += y[i];
            }
            return -n * Math.log(sigma) - s / sigma;
        }
        double tau = gamma / sigma;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double z = 1 + tau * y[i];
            if (!(z > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            s += Math.log(z);
        }
        return -n * Math.log(sigma) - (1 + 1 / gamma) * s;
    }

    /**
     * The quantile z such that P(X &gt; z) = q for a variable whose excesses over t follow this GPD and
     * exceed t with probability nt/n: z = t + (σ/γ)((qn/nt)^(−γ) − 1), or t − σ·log(qn/nt) at γ = 0
     * (the paper's eq. 1).
     */
    public double quantile(double t, double q, long n, long nt) {
        double r = q * n / nt;
        if (gamma == 0) {
            return t - sigma * Math.log(r);
        }
        return t + (sigma / gamma) * (Math.pow(r, -gamma) - 1);
    }

    private static Gpd better(Gpd best, double[] y, int n, double x) {
        double v = 0;
        for (int i = 0; i < n; i++) {
            v += Math.log1p(x * y[i]);
        }
        double gamma = v / n;
        double sigma = gamma / x;
        double ll = logLikelihood(y, n, gamma, sigma);
        return ll > best.logLikelihood ? new Gpd(gamma, sigma, ll) : best;
    }

    /** w(x) = u(x)·v(x) − 1. */
    private static double w(double[] y, int n, double x) {
        double u = 0;
        double v = 0;
        for (int i = 0; i < n; i++) {
            double s = 1 + x * y[i];
            u += 1 / s;
            v += Math.log(s);
        }
        return (u / n) * (1 + v / n) - 1;
    }

    private static double[] roots(double[] y, int n, double lo, double hi) {
        if (!(hi > lo)) {
            return new double[0];
        }
        double[] out = new double[GRID];
        int count = 0;
        double prevX = lo;
        double prevW = w(y, n, lo);
        for (int g = 1; g <= GRID; g++) {
            double x = lo + (hi - lo) * g / GRID;
            double wx = w(y, n, x);
            if (prevW == 0) {
                out[count++] = prevX;
            } else if (Double.isFinite(prevW) && Double.isFinite(wx) && Math.signum(prevW) != Math.signum(wx)) {
                out[count++] = bisect(y, n, prevX, x, prevW);
            }
            prevX = x;
            prevW = wx;
        }
        return java.util.Arrays.copyOf(out, count);
    }

    private static double bisect(double[] y, int n, double a, double b, double wa) {
        for (int it = 0; it < 100; it++) {
            double mid = 0.5 * (a + b);
            double wm = w(y, n, mid);
            if (wm == 0) {
                return mid;
            }
            if (Math.signum(wm) == Math.signum(wa)) {
                a = mid;
                wa = wm;
            } else {
                b = mid;
            }
            if (b - a <= 1e-14 * Math.max(1, Math.abs(a))) {
                break;
            }
        }
        return 0.5 * (a + b);
    }
}

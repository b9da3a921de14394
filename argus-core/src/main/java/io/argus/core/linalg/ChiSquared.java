package io.argus.core.linalg;

/**
 * Quantiles of the chi-squared distribution with an integer number of degrees of freedom, as SciPy's
 * {@code chi2(df).ppf} / {@code isf}: the regularised incomplete gamma function (series below a + 1,
 * Lentz's continued fraction above) inverted by bisection to full double precision.
 *
 * <p>Time O(100 evaluations), each O(df + 100).
 */
public final class ChiSquared {

    private ChiSquared() {
    }

    /** The upper-tail quantile: the x with P(X &gt; x) = q, for 0 &lt; q &lt; 1. */
    public static double isf(double q, int df) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("tail probability must be in (0, 1), got " + q);
        }
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
        }
        double a = df / 2.0;
        double lo = 0;
        double hi = Math.max(1.0, df);
        while (upperTail(a, hi / 2) > q) {
            hi *= 2;
        }
        for (int it = 0; it < 200 && hi - lo > 1e-300; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (upperTail(a, mid / 2) > q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The upper-tail probability P(X &gt; x) of chi-squared with df degrees of freedom. */
    public static double sf(double x, int df) {
        return x <= 0 ? 1.0 : upperTail(df / 2.0, x / 2);
    }

    /** Q(a, x) = Γ(a, x)/Γ(a). */
    static double upperTail(double a, double x) {
        if (x <= 0) {
            return 1.0;
        }
        double logPrefix = -x + a * Math.log(x) - logGammaHalfInteger(a);
        if (x < a + 1) {
            // series for P(a, x)
            double ap = a;
            double sum = 1.0 / a;
            double del = sum;
            for (int n = 0; n < 10_000; n++) {
                ap += 1;
                del *= x / ap;
                sum += del;
                if (Math.abs(del) < Math.abs(sum) * 1e-17) {
                    break;
                }
            }
            return 1.0 - sum * Math.exp(logPrefix);
        }
        // continued fraction for Q(a, x), modified Lentz
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double dd = 1 / b;
        double h = dd;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            dd = an * dd + b;
            if (Math.abs(dd) < tiny) {
                dd = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            dd = 1 / dd;
            double del = dd * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-17) {
                break;
            }
        }
        return Math.exp(logPrefix) * h;
    }

    /** log Γ(a) for a a positive multiple of 1/2, from Γ(1) = 1, Γ(1/2) = √π and Γ(a+1) = aΓ(a). */
    static double logGammaHalfInteger(double a) {
        double sum;
        double t;
        if (a == Math.rint(a)) {
            sum = 0;
            t = 1;
        } else {
            sum = 0.5 * Math.log(Math.PI);
            t = 0.5;
        }
        while (t < a - 0.25) {
            sum += Math.log(t);
            t += 1;
        }
        return sum;
    }
}

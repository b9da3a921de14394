package io.argus.timeseries.methods;

/**
 * The discrete Fourier transform of any length: iterative radix-2 Cooley–Tukey for powers of two and
 * Bluestein's chirp-z algorithm (three power-of-two transforms) otherwise, so that no zero-padding
 * changes the spectrum. X_k = Σ_t x_t·e^{−2πi·kt/n}; the inverse divides by n, as numpy's {@code fft}.
 * Time O(n log n), memory O(n).
 */
final class Fft {

    private Fft() {
    }

    /** In-place transform of (re, im); {@code inverse} computes the inverse transform (with the 1/n). */
    static void transform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        if (n == 0) {
            return;
        }
        if ((n & (n - 1)) == 0) {
            radix2(re, im, inverse);
        } else {
            bluestein(re, im, inverse);
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }

    private static void radix2(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = 2 * Math.PI / len * (inverse ? 1 : -1);
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(ang * k);
                    double wi = Math.sin(ang * k);
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    private static void bluestein(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        int m = Integer.highestOneBit(2 * n - 1) << 1;
        double sign = inverse ? 1 : -1;
        double[] cr = new double[n];
        double[] ci = new double[n];
        for (int k = 0; k < n; k++) {
            long kk = (long) k * k % (2L * n); // exact angle reduction keeps large n accurate
            double ang = sign * Math.PI * kk / n;
            cr[k] = Math.cos(ang);
            ci[k] = Math.sin(ang);
        }
        double[] ar = new double[m];
        double[] ai = new double[m];
        for (int k = 0; k < n; k++) {
            ar[k] = re[k] * cr[k] - im[k] * ci[k];
            ai[k] = re[k] * ci[k] + im[k] * cr[k];
        }
        double[] br = new double[m];
        double[] bi = new double[m];
        br[0] = cr[0];
        bi[0] = -ci[0];
        for (int k = 1; k < n; k++) {
            br[k] = cr[k];
            bi[k] = -ci[k];
            br[m - k] = cr[k];
            bi[m - k] = -ci[k];
        }
        radix2(ar, ai, false);
        radix2(br, bi, false);
        for (int i = 0; i < m; i++) {
            double r = ar[i] * br[i] - ai[i] * bi[i];
            double s = ar[i] * bi[i] + ai[i] * br[i];
            ar[i] = r;
            ai[i] = s;
        }
        radix2(ar, ai, true);
        for (int k = 0; k < n; k++) {
            double r = ar[k] / m;
            double s = ai[k] / m;
            re[k] = r * cr[k] - s * ci[k];
            im[k] = r * ci[k] + s * cr[k];
        }
    }
}

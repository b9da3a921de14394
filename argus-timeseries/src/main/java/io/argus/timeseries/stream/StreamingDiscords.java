package io.argus.timeseries.stream;

import java.util.Objects;

/**
 * Streaming matrix-profile discords: each step closes the subsequence of the last m values, and its
 * score is that subsequence's <em>left</em> matrix-profile value, the z-normalised Euclidean distance to
 * its nearest neighbour among the previous subsequences (outside the trivial-match exclusion zone of
 * ⌈m/4⌉). A high value is a discord: a shape never seen before. Yeh, Zhu, Ulanova, Begum, Ding, Dau,
 * Silva, Mueen, Keogh, "Matrix Profile I", IEEE ICDM 2016 (STAMPI, the incremental profile) and Zhu,
 * Zimmerman, Senobari, Yeh, Funning, Mueen, Brisk, Keogh, "Matrix Profile II", ICDM 2016 (STOMP's
 * O(1) dot-product update QT[i, j] = QT[i−1, j−1] − x[i−1]x[j−1] + x[i+m−1]x[j+m−1]).
 *
 * <p>Memory is bounded: only the last {@code history} subsequences are searched (a bounded-memory
 * left profile; with history ≥ the stream's length it is the exact left matrix profile). The dot
 * products along each diagonal are refreshed exactly every 1024 steps so that rounding does not drift
 * over long streams. Distances follow STUMPY's conventions for constant subsequences (σ below 10⁻⁸ of
 * the values' scale): 0 between two constant ones, √m between a constant and a non-constant one.
 * Channels are profiled independently; a step's score is the maximum over channels, and the per-channel
 * values are its localization. Steps before the first subsequence with a non-trivial predecessor score 0.
 *
 * <p>Time O(C·(history + m)) per step, memory O(C·(history + m)). Not thread-safe.
 */
public final class StreamingDiscords implements OnlineDetector {

    private static final int REFRESH = 1024;

    private final StreamingDiscordsParams params;
    private final LeftProfile[] profiles;
    private final double[] last;

    /** A detector for {@code channels} values per step. */
    public StreamingDiscords(StreamingDiscordsParams params, int channels) {
        this.params = Objects.requireNonNull(params, "params");
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        profiles = new LeftProfile[channels];
        for (int c = 0; c < channels; c++) {
            profiles[c] = new LeftProfile(params.window(), params.history());
        }
        last = new double[channels];
    }

    @Override
    public double scoreAndUpdate(float[] point) {
        Points.requireChannels(point, profiles.length);
        Points.requireFinite(point);
        double score = 0;
        for (int c = 0; c < profiles.length; c++) {
            last[c] = profiles[c].add(point[c]);
            score = Math.max(score, last[c]);
        }
        return score;
    }

    @Override
    public double[] lastChannelScores() {
        return last;
    }

    /** The subsequence length. */
    public int window() {
        return params.window();
    }

    /** The left matrix profile of one channel, over a bounded history. */
    static final class LeftProfile {
        private final int m;
        private final int h;
        private final int excl;
        private final double[] values; // ring of capacity h + m, indexed by global step
        private final double[] mean; // ring of capacity h, indexed by subsequence
        private final double[] sd;
        private double[] qt; // qt[p] = dot(subsequence lo + p, newest subsequence)
        private double[] qtNext;
        private long qtLo = -1;
        private int qtLen;
        private long steps;
        private double scale = 0;

        LeftProfile(int m, int h) {
            this.m = m;
            this.h = h;
            this.excl = (m + 3) / 4;
            this.values = new double[h + m];
            this.mean = new double[h];
            this.sd = new double[h];
            this.qt = new double[h];
            this.qtNext = new double[h];
        }

        private double x(long t) {
            return values[(int) (t % values.length)];
        }

        /** Adds one value and returns the left profile value of the subsequence it closes (0 when none). */
        double add(double v) {
            values[(int) (steps % values.length)] = v;
            scale = Math.max(scale, Math.abs(v));
            steps++;
            long n = steps - m; // newest subsequence
            if (n < 0) {
                return 0;
            }
            // mean and standard deviation of subsequence n, two-pass.
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += x(n + i);
            }
            double mu = s / m;
            double ss = 0;
            for (int i = 0; i < m; i++) {
                double d = x(n + i) - mu;
                ss += d * d;
            }
            int slot = (int) (n % h);
            mean[slot] = mu;
            sd[slot] = Math.sqrt(ss / m);
            long lo = Math.max(0, n - h + 1);
            int len = (int) (n - lo); // subsequences lo..n-1
            boolean refresh = n % REFRESH == 0 || qtLo < 0;
            for (int p = 0; p < len; p++) {
                long j = lo + p;
                double q;
                long prev = j - 1 - qtLo; // position of (j-1) in the previous row (against n-1)
                if (!refresh && j >= 1 && prev >= 0 && prev < qtLen) {
                    q = qt[(int) prev] - x(j - 1) * x(n - 1) + x(j + m - 1) * x(n + m - 1);
                } else {
                    q = 0;
                    for (int i = 0; i < m; i++) {
                        q += x(j + i) * x(n + i);
                    }
                }
                qtNext[p] = q;
            }
            double[] t = qt;
            qt = qtNext;
            qtNext = t;
            qtLo = lo;
            qtLen = len;
            double eps = 1e-8 * Math.max(scale, 1e-300);
            double best = Double.POSITIVE_INFINITY;
            double sdN = sd[slot];
            for (int p = 0; p < len; p++) {
                long j = lo + p;
                if (n - j <= excl) {
                    break;
                }
                int sj = (int) (j % h);
                double d2;
                boolean cj = sd[sj] < eps;
                boolean cn = sdN < eps;
                if (cj && cn) {
                    d2 = 0;
                } else if (cj || cn) {
                    d2 = m;
                } else {
                    double corr = (qt[p] - m * mean[sj] * mu) / (m * sd[sj] * sdN);
                    d2 = 2.0 * m * (1 - Math.min(1.0, corr));
                }
                if (d2 < best) {
                    best = d2;
                }
            }
            return best == Double.POSITIVE_INFINITY ? 0 : Math.sqrt(Math.max(0, best));
        }
    }
}

package io.argus.timeseries.diagnose;

import io.argus.core.data.Series;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The synthetic generator of "Anomalies in Multivariate Time Series Benchmarks Are Mostly Univariate"
 * ({@code utils/synthetic_data.py}): anomalies that exist only across channels.
 *
 * <p>C = 9 channels x_c(t) = sin(2πt/50 + 2πc/9) + n(t), with one noise n(t) ~ N(0, 0.3²) shared by all
 * channels. The training series has 20000 steps (seed s), the test series 10000 (seed s + 1) with the
 * anomalous segments [2000, 2400), [4500, 4800), [6500, 7000), [8500, 8800). In each segment a uniform
 * number in 1..8 of distinct channels is corrupted:
 * <ul>
 *   <li>{@link Corruption#NOISEFLIP}: x_c −= 2·n over the segment: the channel's noise changes sign, so its
 *       marginal distribution is unchanged but its correlation with the other channels flips;</li>
 *   <li>{@link Corruption#ROLL}: the channel's values are rotated within the segment by a uniform shift
 *       in 1..len−1 (numpy's {@code np.roll}).</li>
 * </ul>
 * The random streams are Java's (SplittableRandom, Box–Muller), not numpy's, so series differ from the
 * paper's draws while following the same distribution.
 */
public final class SyntheticCrossChannel {

    /** How anomalous segments are corrupted. */
    public enum Corruption {
        /** Flip the sign of the shared noise in the chosen channels. */
        NOISEFLIP,
        /** Rotate the chosen channels' values within the segment. */
        ROLL
    }

    /** Channels. */
    public static final int CHANNELS = 9;

    /** Training steps. */
    public static final int TRAIN_STEPS = 20_000;

    /** Test steps. */
    public static final int TEST_STEPS = 10_000;

    /** Period of the sinusoids. */
    public static final double PERIOD = 50;

    /** Standard deviation of the shared noise. */
    public static final double NOISE = 0.3;

    /** The anomalous segments of the test series, [start, end). */
    public static final List<int[]> SEGMENTS = List.of(new int[] {2000, 2400}, new int[] {4500, 4800}, new int[] {6500, 7000},
            new int[] {8500, 8800});

    /** The paper's seed. */
    public static final long SEED_DEFAULT = 2026;

    /**
     * A train/test pair.
     *
     * @param train unlabelled training series (labels all 0)
     * @param test labelled test series
     */
    public record Pair(Series train, Series test) {
    }

    private SyntheticCrossChannel() {
    }

    /** Generates the pair for a seed. */
    public static Pair generate(Corruption corruption, long seed) {
        Objects.requireNonNull(corruption, "corruption");
        Series train = clean(TRAIN_STEPS, new SplittableRandom(seed), null, corruption, "synthetic-" + name(corruption) + "-train-" + seed);
        Series test = clean(TEST_STEPS, new SplittableRandom(seed + 1), SEGMENTS, corruption, "synthetic-" + name(corruption) + "-test-" + seed);
        return new Pair(train, test);
    }

    private static String name(Corruption c) {
        return c.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Series clean(int n, SplittableRandom r, List<int[]> segments, Corruption corruption, String source) {
        double[] noise = new double[n];
        for (int t = 0; t < n; t += 2) {
            double u = 1 - r.nextDouble();
            double v = r.nextDouble();
            double rad = Math.sqrt(-2 * Math.log(u));
            noise[t] = NOISE * rad * Math.cos(2 * Math.PI * v);
            if (t + 1 < n) {
                noise[t + 1] = NOISE * rad * Math.sin(2 * Math.PI * v);
            }
        }
        float[] v = new float[n * CHANNELS];
        double[][] x = new double[CHANNELS][n];
        for (int c = 0; c < CHANNELS; c++) {
            for (int t = 0; t < n; t++) {
                x[c][t] = Math.sin(2 * Math.PI * t / PERIOD + 2 * Math.PI * c / CHANNELS) + noise[t];
            }
        }
        int[] labels = new int[n];
        if (segments != null) {
            for (int[] seg : segments) {
                int s = seg[0];
                int e = seg[1];
                for (int t = s; t < e; t++) {
                    labels[t] = 1;
                }
                int count = 1 + r.nextInt(CHANNELS - 1);
                int[] perm = new int[CHANNELS];
                for (int i = 0; i < CHANNELS; i++) {
                    perm[i] = i;
                }
                for (int i = 0; i < count; i++) {
                    int j = i + r.nextInt(CHANNELS - i);
                    int tmp = perm[i];
                    perm[i] = perm[j];
                    perm[j] = tmp;
                }
                for (int i = 0; i < count; i++) {
                    int c = perm[i];
                    if (corruption == Corruption.NOISEFLIP) {
                        for (int t = s; t < e; t++) {
                            x[c][t] -= 2 * noise[t];
                        }
                    } else {
                        int len = e - s;
                        int shift = 1 + r.nextInt(len - 1);
                        double[] seg2 = java.util.Arrays.copyOfRange(x[c], s, e);
                        for (int k = 0; k < len; k++) {
                            x[c][s + (k + shift) % len] = seg2[k];
                        }
                    }
                }
            }
        }
        for (int t = 0; t < n; t++) {
            for (int c = 0; c < CHANNELS; c++) {
                v[t * CHANNELS + c] = (float) x[c][t];
            }
        }
        return Series.of(n, CHANNELS, v, null, null, labels, source);
    }
}

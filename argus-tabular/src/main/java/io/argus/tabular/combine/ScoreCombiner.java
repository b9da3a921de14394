package io.argus.tabular.combine;

import io.argus.core.Scores;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Combines the scores of m detectors into one: each detector's scores are standardised with a
 * {@link Standardizer} fitted on its own training scores, then a {@link Combination} rule merges them.
 * Fitted once on the training scores, the combiner applies the same standardisers and the same bucket
 * split to any later scores, so a row gets the same combined score whether it is scored in-sample or
 * anew (given equal member scores).
 *
 * <p>This is PyOD's usual recipe ({@code standardizer} on {@code decision_scores_}, then
 * {@code average}/{@code maximization}/{@code aom}/{@code moa}) after Aggarwal and Sathe, "Theoretical
 * foundations and algorithms for outlier ensembles", SIGKDD Explorations 17(1), 2015.
 *
 * <pre>{@code
 * ScoreCombiner c = ScoreCombiner.fit(List.of(iforestTrain, knnTrain), Standardization.ZSCORE, Combination.AVERAGE, 0, rnd);
 * Scores combined = c.combine(List.of(iforestNew, knnNew));
 * }</pre>
 *
 * <p>Time O(m·n) per combination (plus O(m·n log n) to fit the robust standardisation); memory one
 * array of n doubles beyond the inputs. Immutable and thread-safe.
 */
public final class ScoreCombiner {

    private final Standardizer[] standardizers;
    private final Combination rule;
    private final int[] bucketOf;
    private final int buckets;

    private ScoreCombiner(Standardizer[] standardizers, Combination rule, int[] bucketOf, int buckets) {
        this.standardizers = standardizers;
        this.rule = rule;
        this.bucketOf = bucketOf;
        this.buckets = buckets;
    }

    /**
     * Fits the standardisers on each detector's training scores and, for AOM and MOA, draws the bucket split.
     *
     * @param training one score array per detector, all of the same length
     * @param standardization how each detector's scores are standardised
     * @param rule how standardised scores are merged
     * @param buckets number of buckets for AOM and MOA, in [2, m]; ignored by AVERAGE and MAXIMUM
     * @param rnd draws the bucket split (unused by AVERAGE and MAXIMUM)
     * @throws IllegalArgumentException for no detectors, lengths that differ, a non-finite score or buckets out of range
     */
    public static ScoreCombiner fit(List<Scores> training, Standardization standardization, Combination rule, int buckets,
            SplittableRandom rnd) {
        Objects.requireNonNull(standardization, "standardization");
        Objects.requireNonNull(rule, "rule");
        int m = checkShapes(training, -1);
        Standardizer[] st = new Standardizer[m];
        for (int i = 0; i < m; i++) {
            try {
                st[i] = Standardizer.fit(standardization, training.get(i).values());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("detector " + i + ": " + e.getMessage(), e);
            }
        }
        if (rule.usesBuckets()) {
            return new ScoreCombiner(st, rule, Buckets.random(m, buckets, rnd), buckets);
        }
        return new ScoreCombiner(st, rule, new int[m], 1);
    }

    /**
     * A combiner from fitted parts (e.g. read back from a model file).
     *
     * @param bucketOf the bucket of each detector (all zero for AVERAGE and MAXIMUM)
     * @throws IllegalArgumentException when the sizes differ or a bucket is empty
     */
    public static ScoreCombiner of(List<Standardizer> standardizers, Combination rule, int[] bucketOf) {
        if (standardizers.isEmpty()) {
            throw new IllegalArgumentException("a combiner needs at least one detector");
        }
        if (bucketOf.length != standardizers.size()) {
            throw new IllegalArgumentException("shape mismatch: " + standardizers.size() + " standardisers but " + bucketOf.length
                    + " bucket indices");
        }
        int q = Buckets.check(bucketOf);
        if (!rule.usesBuckets() && q != 1) {
            throw new IllegalArgumentException(rule.name().toLowerCase(java.util.Locale.ROOT) + " uses no buckets, got " + q);
        }
        return new ScoreCombiner(standardizers.toArray(Standardizer[]::new), Objects.requireNonNull(rule, "rule"), bucketOf.clone(), q);
    }

    /** Number of detectors combined. */
    public int detectors() {
        return standardizers.length;
    }

    /** The combination rule. */
    public Combination rule() {
        return rule;
    }

    /** The standardiser of detector i. */
    public Standardizer standardizer(int i) {
        return standardizers[i];
    }

    /** The bucket of each detector (a copy); all zero for AVERAGE and MAXIMUM. */
    public int[] bucketOf() {
        return bucketOf.clone();
    }

    /**
     * Standardises each detector's scores with its fitted standardiser and merges them.
     *
     * @param scores one score array per detector, in the order of fitting, all of the same length
     * @throws IllegalArgumentException when the number of detectors or the lengths differ
     */
    public Scores combine(List<Scores> scores) {
        int m = checkShapes(scores, standardizers.length);
        double[][] z = new double[m][];
        for (int i = 0; i < m; i++) {
            z[i] = standardizers[i].apply(scores.get(i).values());
        }
        return Scores.of(combineStandardized(z, rule, bucketOf, buckets));
    }

    /**
     * Merges already standardised scores with a rule: the combination rules on their own, for callers
     * that standardise differently.
     *
     * @param z z[i][r] = standardised score of row r by detector i
     * @param rule the rule
     * @param bucketOf the bucket of each detector (read only by AOM and MOA)
     * @return one combined score per row
     */
    public static double[] combineStandardized(double[][] z, Combination rule, int[] bucketOf) {
        if (z.length == 0) {
            throw new IllegalArgumentException("nothing to combine: 0 detectors");
        }
        if (bucketOf.length != z.length) {
            throw new IllegalArgumentException("shape mismatch: " + z.length + " detectors but " + bucketOf.length + " bucket indices");
        }
        for (double[] zi : z) {
            if (zi.length != z[0].length) {
                throw new IllegalArgumentException("shape mismatch: detectors scored " + z[0].length + " and " + zi.length + " rows");
            }
        }
        return combineStandardized(z, rule, bucketOf, Buckets.check(bucketOf));
    }

    private static double[] combineStandardized(double[][] z, Combination rule, int[] bucketOf, int q) {
        int m = z.length;
        int n = z[0].length;
        double[] out = new double[n];
        switch (rule) {
            case AVERAGE -> {
                for (double[] zi : z) {
                    for (int r = 0; r < n; r++) {
                        out[r] += zi[r];
                    }
                }
                for (int r = 0; r < n; r++) {
                    out[r] /= m;
                }
            }
            case MAXIMUM -> {
                System.arraycopy(z[0], 0, out, 0, n);
                for (int i = 1; i < m; i++) {
                    for (int r = 0; r < n; r++) {
                        out[r] = Math.max(out[r], z[i][r]);
                    }
                }
            }
            case AOM, MOA -> {
                int[] size = new int[q];
                for (int b : bucketOf) {
                    size[b]++;
                }
                double[] bucket = new double[q];
                for (int r = 0; r < n; r++) {
                    if (rule == Combination.AOM) {
                        java.util.Arrays.fill(bucket, Double.NEGATIVE_INFINITY);
                        for (int i = 0; i < m; i++) {
                            bucket[bucketOf[i]] = Math.max(bucket[bucketOf[i]], z[i][r]);
                        }
                        double sum = 0;
                        for (double v : bucket) {
                            sum += v;
                        }
                        out[r] = sum / q;
                    } else {
                        java.util.Arrays.fill(bucket, 0);
                        for (int i = 0; i < m; i++) {
                            bucket[bucketOf[i]] += z[i][r];
                        }
                        double best = Double.NEGATIVE_INFINITY;
                        for (int b = 0; b < q; b++) {
                            best = Math.max(best, bucket[b] / size[b]);
                        }
                        out[r] = best;
                    }
                }
            }
            default -> throw new IllegalStateException("unknown rule " + rule);
        }
        return out;
    }

    private static int checkShapes(List<Scores> scores, int expected) {
        Objects.requireNonNull(scores, "scores");
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("nothing to combine: 0 detectors");
        }
        if (expected >= 0 && scores.size() != expected) {
            throw new IllegalArgumentException("shape mismatch: the combiner was fitted on " + expected + " detectors, got " + scores.size());
        }
        int n = scores.get(0).size();
        for (int i = 1; i < scores.size(); i++) {
            if (scores.get(i).size() != n) {
                throw new IllegalArgumentException("shape mismatch: detector 0 scored " + n + " rows, detector " + i + " scored "
                        + scores.get(i).size());
            }
        }
        return scores.size();
    }

    /**
     * The fitted state as tensors: {@code location} and {@code scale} (float64, one per detector) and
     * {@code bucket} (int32, one per detector).
     */
    public Map<String, Tensor> state() {
        int m = standardizers.length;
        double[] loc = new double[m];
        double[] scale = new double[m];
        for (int i = 0; i < m; i++) {
            loc[i] = standardizers[i].location();
            scale[i] = standardizers[i].scale();
        }
        Map<String, Tensor> s = new LinkedHashMap<>();
        s.put("location", Tensor.f64(loc));
        s.put("scale", Tensor.f64(scale));
        s.put("bucket", Tensor.i32(bucketOf.clone()));
        return s;
    }

    /**
     * Rebuilds a combiner of {@code detectors} detectors from {@link #state()}.
     *
     * @throws IllegalArgumentException naming a missing or mis-sized tensor, or an invalid value in it
     */
    public static ScoreCombiner restore(Combination rule, int detectors, Map<String, Tensor> state) {
        double[] loc = StateTensors.doubles(state, "location", detectors);
        double[] scale = StateTensors.doubles(state, "scale", detectors);
        int[] bucketOf = StateTensors.ints(state, "bucket", detectors);
        List<Standardizer> st = new java.util.ArrayList<>(detectors);
        for (int i = 0; i < detectors; i++) {
            try {
                st.add(new Standardizer(loc[i], scale[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("model state, detector " + i + ": " + e.getMessage(), e);
            }
        }
        return of(st, rule, bucketOf);
    }
}

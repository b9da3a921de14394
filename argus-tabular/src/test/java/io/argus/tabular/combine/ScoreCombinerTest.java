package io.argus.tabular.combine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Scores;
import io.argus.core.model.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScoreCombinerTest {

    // Two detectors on four rows. A: mean 2, population sd 1 -> z = -1, -1, 1, 1.
    // B: mean 20, population sd 10 -> z = -1, 1, -1, 1.
    private static final Scores A = Scores.of(new double[] {1, 1, 3, 3});
    private static final Scores B = Scores.of(new double[] {10, 30, 10, 30});

    private static ScoreCombiner fit(Combination rule, Scores... s) {
        return ScoreCombiner.fit(List.of(s), Standardization.ZSCORE, rule, 2, new SplittableRandom(1));
    }

    // ---- standardisation

    @Test
    void zscoreUsesTheTrainingMeanAndPopulationStandardDeviation() {
        Standardizer s = Standardizer.fit(Standardization.ZSCORE, new double[] {1, 2, 3, 4});
        assertThat(s.location()).isEqualTo(2.5);
        assertThat(s.scale()).isCloseTo(Math.sqrt(1.25), within(1e-15)); // ddof = 0, as StandardScaler
        assertThat(s.apply(new double[] {2.5, 5})).containsExactly(0, 2.5 / Math.sqrt(1.25));
    }

    @Test
    void robustUsesTheMedianAndTheIqrScaledToANormalSd() {
        // sorted 1 2 3 4 100: median 3; numpy quantiles (linear) q25 = 2, q75 = 4, IQR = 2
        Standardizer s = Standardizer.fit(Standardization.ROBUST, new double[] {100, 1, 4, 2, 3});
        assertThat(s.location()).isEqualTo(3);
        assertThat(s.scale()).isCloseTo(2 / 1.3489795003921634, within(1e-15));
        // the same data under z-scores: the outlier 100 inflates the sd to about 39, so it stands out far less
        Standardizer z = Standardizer.fit(Standardization.ZSCORE, new double[] {100, 1, 4, 2, 3});
        assertThat(s.apply(100)).isGreaterThan(30 * z.apply(100));
    }

    @Test
    void robustFallsBackToTheSdWhenTheIqrIsZero() {
        // sorted 0 x7, 2, 4: median, q25 and q75 are all 0 -> IQR 0; mean 2/3, E[x^2] = 20/9 -> sd = 4/3
        Standardizer s = Standardizer.fit(Standardization.ROBUST, new double[] {0, 4, 0, 0, 2, 0, 0, 0, 0});
        assertThat(s.location()).isZero();
        assertThat(s.scale()).isCloseTo(4.0 / 3, within(1e-15));
        // no fallback when the IQR is positive: sorted 0 1 1 1 1 3 5 5 5 9 9, median 3, q25 = 1, q75 = 5
        assertThat(Standardizer.fit(Standardization.ROBUST, new double[] {0, 1, 1, 1, 1, 3, 5, 5, 5, 9, 9}).scale())
                .isCloseTo(4 / 1.3489795003921634, within(1e-15));
    }

    @ParameterizedTest
    @EnumSource(Standardization.class)
    void constantTrainingScoresGetScaleOne(Standardization kind) {
        Standardizer s = Standardizer.fit(kind, new double[] {7, 7, 7});
        assertThat(s.location()).isEqualTo(7);
        assertThat(s.scale()).isEqualTo(1);
    }

    // ---- the rules on hand-computed values

    @Test
    void averageAndMaximumOfZScores() {
        assertThat(fit(Combination.AVERAGE, A, B).combine(List.of(A, B)).toArray()).containsExactly(-1, 0, 0, 1);
        assertThat(fit(Combination.MAXIMUM, A, B).combine(List.of(A, B)).toArray()).containsExactly(-1, 1, 1, 1);
    }

    @Test
    void newScoresAreStandardisedWithTheTrainingFit() {
        // A' = 5 -> (5 - 2) / 1 = 3; B' = 0 -> (0 - 20) / 10 = -2
        List<Scores> fresh = List.of(Scores.of(new double[] {5}), Scores.of(new double[] {0}));
        assertThat(fit(Combination.AVERAGE, A, B).combine(fresh).toArray()).containsExactly(0.5);
        assertThat(fit(Combination.MAXIMUM, A, B).combine(fresh).toArray()).containsExactly(3);
    }

    @Test
    void averageOfMaximumAndMaximumOfAverageOverGivenBuckets() {
        // detectors 0, 1 in bucket 0; 2, 3 in bucket 1; two rows
        double[][] z = {{1, 0}, {3, -2}, {2, 5}, {0, 1}};
        int[] buckets = {0, 0, 1, 1};
        // AOM row 0: (max(1, 3) + max(2, 0)) / 2 = 2.5; row 1: (max(0, -2) + max(5, 1)) / 2 = 2.5
        assertThat(ScoreCombiner.combineStandardized(z, Combination.AOM, buckets)).containsExactly(2.5, 2.5);
        // MOA row 0: max((1 + 3) / 2, (2 + 0) / 2) = 2; row 1: max((0 - 2) / 2, (5 + 1) / 2) = 3
        assertThat(ScoreCombiner.combineStandardized(z, Combination.MOA, buckets)).containsExactly(2, 3);
        // unequal buckets {0, 1}, {2}: AOM (3 + 2) / 2 = 2.5, MOA max(2, 2) = 2 on row 0
        int[] uneven = {0, 0, 1};
        double[][] three = {{1}, {3}, {2}};
        assertThat(ScoreCombiner.combineStandardized(three, Combination.AOM, uneven)).containsExactly(2.5);
        assertThat(ScoreCombiner.combineStandardized(three, Combination.MOA, uneven)).containsExactly(2);
    }

    @Test
    void oneDetectorPerBucketMakesAomTheAverageAndMoaTheMaximum() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] z = new double[5][40];
        for (double[] row : z) {
            for (int r = 0; r < row.length; r++) {
                row[r] = rnd.nextGaussian();
            }
        }
        int[] singletons = Buckets.random(5, 5, new SplittableRandom(4));
        double[] aom = ScoreCombiner.combineStandardized(z, Combination.AOM, singletons);
        double[] avg = ScoreCombiner.combineStandardized(z, Combination.AVERAGE, new int[5]);
        for (int r = 0; r < 40; r++) {
            assertThat(aom[r]).isCloseTo(avg[r], within(1e-12));
        }
        assertThat(ScoreCombiner.combineStandardized(z, Combination.MOA, singletons))
                .containsExactly(ScoreCombiner.combineStandardized(z, Combination.MAXIMUM, new int[5]));
    }

    @Test
    void aomWithTwoBucketsOfTheFittedCombinerMatchesItsOwnSplit() {
        Scores c = Scores.of(new double[] {0, 0, 0, 4}); // mean 1, sd sqrt(3) -> z = -1/√3 x3, √3
        Scores d = Scores.of(new double[] {2, 2, 2, 2}); // constant: location 2, scale 1 -> z = 0
        ScoreCombiner comb = ScoreCombiner.fit(List.of(A, B, c, d), Standardization.ZSCORE, Combination.AOM, 2, new SplittableRandom(7));
        int[] bucketOf = comb.bucketOf();
        assertThat(Arrays.stream(bucketOf).filter(b -> b == 0).count()).isEqualTo(2);
        double[][] z = {{-1, -1, 1, 1}, {-1, 1, -1, 1}, {-1 / Math.sqrt(3), -1 / Math.sqrt(3), -1 / Math.sqrt(3), Math.sqrt(3)}, {0, 0, 0, 0}};
        double[] expected = new double[4];
        for (int r = 0; r < 4; r++) {
            double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (int i = 0; i < 4; i++) {
                max[bucketOf[i]] = Math.max(max[bucketOf[i]], z[i][r]);
            }
            expected[r] = (max[0] + max[1]) / 2;
        }
        double[] actual = comb.combine(List.of(A, B, c, d)).toArray();
        for (int r = 0; r < 4; r++) {
            assertThat(actual[r]).isCloseTo(expected[r], within(1e-12));
        }
    }

    // ---- buckets

    @Test
    void bucketsAreSeededBalancedAndNonEmpty() {
        int[] a = Buckets.random(7, 3, new SplittableRandom(11));
        assertThat(Buckets.random(7, 3, new SplittableRandom(11))).containsExactly(a);
        int[] size = new int[3];
        for (int b : a) {
            size[b]++;
        }
        assertThat(size).containsExactly(3, 2, 2); // the first 7 mod 3 buckets take the extra detector
        boolean differs = false;
        for (long seed = 0; seed < 20 && !differs; seed++) {
            differs = !Arrays.equals(Buckets.random(7, 3, new SplittableRandom(seed)), a);
        }
        assertThat(differs).as("the split depends on the seed").isTrue();
    }

    @Test
    void bucketCountOutsideTwoToMIsRejected() {
        assertThatThrownBy(() -> Buckets.random(4, 5, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("buckets = 5 is out of range; allowed: [2, 4] (the number of detectors combined)");
        assertThatThrownBy(() -> ScoreCombiner.fit(List.of(A, B), Standardization.ZSCORE, Combination.MOA, 1, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("buckets = 1 is out of range; allowed: [2, 2] (the number of detectors combined)");
        // average and maximum ignore the bucket count
        assertThat(ScoreCombiner.fit(List.of(A), Standardization.ZSCORE, Combination.AVERAGE, 9, new SplittableRandom(1)).detectors()).isOne();
    }

    // ---- state

    @ParameterizedTest
    @EnumSource(Combination.class)
    void stateRestoresAnEqualCombiner(Combination rule) {
        ScoreCombiner c = ScoreCombiner.fit(List.of(A, B, A), Standardization.ROBUST, rule, 2, new SplittableRandom(5));
        ScoreCombiner back = ScoreCombiner.restore(rule, 3, c.state());
        List<Scores> fresh = List.of(Scores.of(new double[] {0, 9}), Scores.of(new double[] {40, 2}), Scores.of(new double[] {3, 3}));
        assertThat(back.combine(fresh).toArray()).containsExactly(c.combine(fresh).toArray());
        assertThat(back.bucketOf()).containsExactly(c.bucketOf());
    }

    @Test
    void aBadStateIsRejectedByName() {
        Map<String, Tensor> s = new LinkedHashMap<>(fit(Combination.AVERAGE, A, B).state());
        s.put("scale", Tensor.f64(new double[] {1, 0}));
        assertThatThrownBy(() -> ScoreCombiner.restore(Combination.AVERAGE, 2, s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model state, detector 1: standardizer scale = 0.0 must be finite and > 0");
        s.remove("bucket");
        assertThatThrownBy(() -> ScoreCombiner.restore(Combination.AVERAGE, 2, s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("model state lacks tensor 'bucket'");
        assertThatThrownBy(() -> ScoreCombiner.restore(Combination.AVERAGE, 3, fit(Combination.AVERAGE, A, B).state()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model state tensor 'location' has 2 elements, expected 3");
        Map<String, Tensor> gap = new LinkedHashMap<>(fit(Combination.AVERAGE, A, B).state());
        gap.put("bucket", Tensor.i32(new int[] {0, 2}));
        assertThatThrownBy(() -> ScoreCombiner.restore(Combination.AOM, 2, gap))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bucket 1 of 3 holds no detector");
    }

    // ---- bad input

    @Test
    void mismatchedInputsAreRejected() {
        assertThatThrownBy(() -> fit(Combination.AVERAGE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("nothing to combine: 0 detectors");
        assertThatThrownBy(() -> fit(Combination.AVERAGE, A, Scores.of(new double[] {1, 2})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: detector 0 scored 4 rows, detector 1 scored 2");
        assertThatThrownBy(() -> fit(Combination.AVERAGE, A, B).combine(List.of(A)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: the combiner was fitted on 2 detectors, got 1");
        assertThatThrownBy(() -> fit(Combination.AVERAGE, A, Scores.of(new double[] {1, 2, Double.POSITIVE_INFINITY, 4})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("detector 1: training score 2 is Infinity; standardisation needs finite scores");
        assertThatThrownBy(() -> fit(Combination.AVERAGE, Scores.of(new double[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("detector 0: cannot standardise on 0 training scores");
        assertThatThrownBy(() -> ScoreCombiner.combineStandardized(new double[][] {{1, 2}, {3}}, Combination.MAXIMUM, new int[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: detectors scored 2 and 1 rows");
    }
}

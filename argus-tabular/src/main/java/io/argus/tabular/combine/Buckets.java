package io.argus.tabular.combine;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The random split of m detectors into q buckets that {@link Combination#AOM} and {@link Combination#MOA}
 * use, as PyOD's {@code aom}/{@code moa} in static mode without bootstrap: the detector indices are
 * shuffled (seeded) and cut into consecutive groups. PyOD requires q to divide m; here the first m mod q
 * buckets get one detector more, so any q in [2, m] is allowed and the split is PyOD's whenever q divides m.
 * The numpy shuffle cannot be reproduced in Java, so the same seed gives a different (equally random)
 * split than PyOD.
 */
public final class Buckets {

    private Buckets() {
    }

    /**
     * A random split of {@code detectors} into {@code buckets} groups of (nearly) equal size.
     *
     * @return the bucket index of each detector, each in [0, buckets), every bucket non-empty
     * @throws IllegalArgumentException when buckets is not in [2, detectors]
     */
    public static int[] random(int detectors, int buckets, SplittableRandom rnd) {
        if (buckets < 2 || buckets > detectors) {
            throw new IllegalArgumentException("buckets = " + buckets + " is out of range; allowed: [2, " + detectors
                    + "] (the number of detectors combined)");
        }
        int[] order = new int[detectors];
        for (int i = 0; i < detectors; i++) {
            order[i] = i;
        }
        for (int i = detectors - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] bucketOf = new int[detectors];
        int base = detectors / buckets;
        int extra = detectors % buckets;
        int pos = 0;
        for (int b = 0; b < buckets; b++) {
            int size = base + (b < extra ? 1 : 0);
            for (int k = 0; k < size; k++) {
                bucketOf[order[pos++]] = b;
            }
        }
        return bucketOf;
    }

    /**
     * Checks a bucket assignment read from outside (a model file).
     *
     * @return the number of buckets
     * @throws IllegalArgumentException when a bucket index is negative or a bucket in [0, max] is empty
     */
    static int check(int[] bucketOf) {
        int q = Arrays.stream(bucketOf).max().orElse(-1) + 1;
        boolean[] used = new boolean[Math.max(q, 0)];
        for (int i = 0; i < bucketOf.length; i++) {
            if (bucketOf[i] < 0) {
                throw new IllegalArgumentException("bucket of detector " + i + " is " + bucketOf[i] + ", must be >= 0");
            }
            used[bucketOf[i]] = true;
        }
        for (int b = 0; b < q; b++) {
            if (!used[b]) {
                throw new IllegalArgumentException("bucket " + b + " of " + q + " holds no detector");
            }
        }
        return q;
    }
}

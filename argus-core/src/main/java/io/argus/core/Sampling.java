package io.argus.core;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded sampling shared by the randomised methods, so the same seed draws the same rows everywhere. */
public final class Sampling {

    private Sampling() {
    }

    /**
     * k distinct indices drawn uniformly without replacement from [0, n), in draw order: a partial
     * Fisher–Yates shuffle over a sparse map, O(k) time and memory whatever n is. With k = n it returns
     * 0..n-1 in order and draws nothing.
     *
     * @throws IllegalArgumentException unless 0 <= k <= n
     */
    public static int[] withoutReplacement(int n, int k, SplittableRandom rnd) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("cannot draw " + k + " distinct indices from " + n);
        }
        int[] out = new int[k];
        if (k == n) {
            for (int i = 0; i < n; i++) {
                out[i] = i;
            }
            return out;
        }
        Map<Integer, Integer> swapped = new HashMap<>(k * 2);
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int vj = swapped.getOrDefault(j, j);
            int vi = swapped.getOrDefault(i, i);
            swapped.put(j, vi);
            out[i] = vj;
        }
        return out;
    }
}

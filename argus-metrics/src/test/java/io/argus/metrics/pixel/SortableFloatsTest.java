package io.argus.metrics.pixel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SortableFloatsTest {

    @Test
    void keysOrderLikeTheFloatsAndRoundTrip() {
        float[] f = {-Float.MAX_VALUE, -3.5f, -1e-30f, -0.0f, 0.0f, Float.MIN_VALUE, 1e-30f, 1f, 2.5f, Float.MAX_VALUE};
        for (int i = 0; i < f.length; i++) {
            assertThat(SortableFloats.score(SortableFloats.key(f[i]))).isEqualTo(f[i] + 0.0f);
            for (int j = 0; j < f.length; j++) {
                int byFloat = Float.compare(f[i] + 0.0f, f[j] + 0.0f);
                int byKey = Integer.compareUnsigned(SortableFloats.key(f[i]), SortableFloats.key(f[j]));
                assertThat(Integer.signum(byKey)).as("%s vs %s", f[i], f[j]).isEqualTo(Integer.signum(byFloat));
            }
        }
    }

    @Test
    void radixSortsMatchArraysSort() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n : new int[] {0, 1, 2, 1000, 100_000}) {
            float[] f = new float[n];
            int[] keys = new int[n];
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) (rnd.nextGaussian() * (i % 3 == 0 ? 1e6 : 1)) * (i % 5 == 0 ? 0 : 1);
                keys[i] = SortableFloats.key(f[i]);
                packed[i] = ((long) keys[i] << 32) | i;
            }
            SortableFloats.sort(keys);
            SortableFloats.sortByHigh(packed);
            float[] expected = f.clone();
            for (int i = 0; i < n; i++) {
                expected[i] += 0.0f;
            }
            Arrays.sort(expected);
            for (int i = 0; i < n; i++) {
                assertThat(SortableFloats.score(keys[i])).isEqualTo(expected[i]);
                assertThat(SortableFloats.score((int) (packed[i] >>> 32))).isEqualTo(expected[i]);
                assertThat(f[(int) packed[i]] + 0.0f).isEqualTo(expected[i]);
            }
        }
    }
}

package io.argus.vision.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.Context;
import io.argus.core.vector.VectorKernels;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CoresetTest {

    static float[] data(int n, int d) {
        SplittableRandom r = new SplittableRandom(9);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /** The largest distance from a point to its nearest selected point (in the original space). */
    static double coveringRadius(float[] x, int n, int d, int[] sel) {
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int s : sel) {
                best = Math.min(best, VectorKernels.distance64(x, i * d, x, s * d, d));
            }
            worst = Math.max(worst, best);
        }
        return worst;
    }

    @Test
    void keepsTheShareAndShrinksTheCoveringRadiusAsItGrows() {
        int n = 1500;
        int d = 8;
        float[] x = data(n, d);
        try (Context ctx = Context.builder().seed(3).threads(2).build()) {
            int[] small = Coreset.select(x, n, d, 0.01, ctx);
            int[] large = Coreset.select(x, n, d, 0.1, ctx);
            assertThat(small).hasSize(15);
            assertThat(large).hasSize(150).doesNotHaveDuplicates();
            // greedy selection is a prefix: a larger share extends the smaller selection
            assertThat(java.util.Arrays.copyOf(large, 15)).containsExactly(small);
            assertThat(coveringRadius(x, n, d, large)).isLessThan(coveringRadius(x, n, d, small));
            assertThat(Coreset.select(x, n, d, 1.0, ctx)).hasSize(n);
        }
    }

    @Test
    void dependsOnTheSeedOnlyNotOnThreads() {
        int n = 9000;
        int d = 4;
        float[] x = data(n, d);
        try (Context one = Context.builder().seed(5).threads(1).build(); Context two = Context.builder().seed(5).threads(2).build();
                Context other = Context.builder().seed(6).threads(2).build()) {
            int[] a = Coreset.select(x, n, d, 0.01, one);
            assertThat(Coreset.select(x, n, d, 0.01, two)).containsExactly(a);
            assertThat(Coreset.select(x, n, d, 0.01, other)).isNotEqualTo(a);
        }
        assertThatThrownBy(() -> Coreset.select(x, n, d, 0, Context.defaults())).hasMessageContaining("coreset fraction = 0.0 must be in (0, 1]");
    }
}

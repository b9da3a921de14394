package io.argus.vision.methods;

import io.argus.core.Context;
import io.argus.core.Sampling;
import io.argus.core.vector.VectorKernels;
import java.util.SplittableRandom;

/**
 * PatchCore's approximate greedy coreset (Roth et al., "Towards Total Recall in Industrial Anomaly
 * Detection", CVPR 2022, §3.2; {@code ApproximateGreedyCoresetSampler} of amazon-science/patchcore-inspection):
 * greedy k-center selection (Sener and Savarese, ICLR 2018) on a Johnson–Lindenstrauss random
 * projection of the features.
 *
 * <ol>
 * <li>Project every vector to {@value #PROJECTION_DIM} dimensions with a bias-free random linear map
 * whose weights are U(±1/√D) (PyTorch's default {@code Linear} initialisation, as the reference).</li>
 * <li>Draw {@value #START_POINTS} distinct start points; each vector's distance to the coreset starts as
 * its mean Euclidean distance to them.</li>
 * <li>Repeat {@code floor(n·fraction)} times: select the vector with the largest distance, then lower
 * every distance to its distance from the selected vector.</li>
 * </ol>
 *
 * <p>Time O(n·m·{@value #PROJECTION_DIM}) for m selected of n, memory O(n·{@value #PROJECTION_DIM}).
 * The distance updates run on fixed blocks of vectors, and the argmax takes the smallest index among
 * ties, so the selection depends only on the data and the seed.
 */
public final class Coreset {

    /** Dimension of the random projection (the reference's {@code dimension_to_project_features_to}). */
    public static final int PROJECTION_DIM = 128;

    /** Random start points (the reference's {@code number_of_starting_points}). */
    public static final int START_POINTS = 10;

    private static final int BLOCK = 4096;

    private Coreset() {
    }

    /**
     * Indices of the selected vectors, in selection order.
     *
     * @param x n row-major vectors of length d
     * @param fraction share kept, in (0, 1]; 1 keeps every vector (no selection, as the reference's identity sampler)
     */
    public static int[] select(float[] x, int n, int d, double fraction, Context ctx) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("coreset fraction = " + fraction + " must be in (0, 1]");
        }
        if (fraction == 1.0) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int m = Math.max(1, (int) (n * fraction));
        SplittableRandom rnd = ctx.random(0x5EEDC0DEL);
        float[] p = project(x, n, d, rnd, ctx);
        int k = PROJECTION_DIM;
        int[] starts = Sampling.withoutReplacement(n, Math.min(START_POINTS, n), rnd);
        float[] dist = new float[n];
        ctx.parallelFor(n, BLOCK, (from, to) -> {
            for (int i = from; i < to; i++) {
                double s = 0;
                for (int st : starts) {
                    s += Math.sqrt(VectorKernels.squaredDistance(p, i * k, p, st * k, k));
                }
                dist[i] = (float) (s / starts.length);
            }
        });
        int[] out = new int[m];
        int blocks = (n + BLOCK - 1) / BLOCK;
        float[] blockMax = new float[blocks];
        int[] blockArg = new int[blocks];
        int sel = argmax(dist, 0, n);
        for (int it = 0; it < m; it++) {
            out[it] = sel;
            int s = sel;
            if (it % 64 == 0) {
                ctx.checkCancelled();
            }
            ctx.parallelFor(n, BLOCK, (from, to) -> {
                float best = Float.NEGATIVE_INFINITY;
                int arg = from;
                for (int i = from; i < to; i++) {
                    float dd = (float) Math.sqrt(VectorKernels.squaredDistance(p, i * k, p, s * k, k));
                    if (dd < dist[i]) {
                        dist[i] = dd;
                    }
                    if (dist[i] > best) {
                        best = dist[i];
                        arg = i;
                    }
                }
                blockMax[from / BLOCK] = best;
                blockArg[from / BLOCK] = arg;
            });
            float best = Float.NEGATIVE_INFINITY;
            int arg = 0;
            for (int b = 0; b < blocks; b++) {
                if (blockMax[b] > best) {
                    best = blockMax[b];
                    arg = blockArg[b];
                }
            }
            sel = arg;
        }
        return out;
    }

    private static int argmax(float[] a, int from, int to) {
        int arg = from;
        for (int i = from + 1; i < to; i++) {
            if (a[i] > a[arg]) {
                arg = i;
            }
        }
        return arg;
    }

    /** The random projection x·Wᵀ with W of shape {@value #PROJECTION_DIM} x d, entries U(±1/√d). */
    static float[] project(float[] x, int n, int d, SplittableRandom rnd, Context ctx) {
        int k = PROJECTION_DIM;
        float bound = (float) (1.0 / Math.sqrt(d));
        float[] w = new float[k * d];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
        }
        float[] p = new float[n * k];
        ctx.parallelFor(n, 1024, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int r = 0; r < k; r++) {
                    p[i * k + r] = VectorKernels.dot(x, i * d, w, r * d, d);
                }
            }
        });
        return p;
    }
}

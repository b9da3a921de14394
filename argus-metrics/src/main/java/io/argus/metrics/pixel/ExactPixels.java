package io.argus.metrics.pixel;

import java.util.List;
import java.util.stream.IntStream;

/**
 * All pixels of a data set sorted by score, kept as primitive keys: normal pixels as an {@code int[]} of
 * sortable keys, anomalous pixels as a {@code long[]} of (key, global region id). Built in parallel over
 * images into fixed slices, so the result does not depend on the thread count. Memory: 4 bytes per normal
 * and 8 per anomalous pixel, plus as much again while sorting; the maps themselves are only read.
 */
final class ExactPixels {

    /** Receives the groups of tied pixels, from the highest score down. */
    interface GroupSink {
        void group(float score, long pos, long neg, double weight);
    }

    private final int[] negKeys;
    private final long[] posKeys;
    private final double[] invRegionSize;

    private ExactPixels(int[] negKeys, long[] posKeys, double[] invRegionSize) {
        this.negKeys = negKeys;
        this.posKeys = posKeys;
        this.invRegionSize = invRegionSize;
    }

    static ExactPixels of(List<AnomalyMap> maps, List<GroundTruthMask> masks) {
        int n = PixelMetrics.checkInputs(maps, masks);
        long[] posOffset = new long[n + 1];
        long[] negOffset = new long[n + 1];
        for (int i = 0; i < n; i++) {
            int pos = masks.get(i).anomalousCount();
            posOffset[i + 1] = posOffset[i] + pos;
            negOffset[i + 1] = negOffset[i] + maps.get(i).values().length - pos;
        }
        if (posOffset[n] > Integer.MAX_VALUE - 8 || negOffset[n] > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("exact pixel metrics hold at most 2^31 anomalous and 2^31 normal pixels ("
                    + posOffset[n] + " and " + negOffset[n] + " given); use the streaming mode");
        }
        int[] neg = new int[(int) negOffset[n]];
        long[] pos = new long[(int) posOffset[n]];
        int[][] sizes = new int[n][];
        ThreadLocal<ConnectedComponents> scratch = ThreadLocal.withInitial(ConnectedComponents::new);
        IntStream.range(0, n).parallel().forEach(i -> {
            AnomalyMap map = maps.get(i);
            boolean[] mask = masks.get(i).anomalous();
            ConnectedComponents cc = scratch.get();
            int count = cc.run(mask, map.width(), map.height(), true);
            int[] labels = cc.labels();
            float[] v = map.values();
            int ni = (int) negOffset[i];
            int pi = (int) posOffset[i];
            for (int p = 0; p < v.length; p++) {
                int k = SortableFloats.key(v[p]);
                if (mask[p]) {
                    // Region ids are local (1-based) here; made global below.
                    pos[pi++] = ((long) k << 32) | (labels[p] - 1);
                } else {
                    neg[ni++] = k;
                }
            }
            int[] s = new int[count];
            System.arraycopy(cc.sizes(), 1, s, 0, count);
            sizes[i] = s;
        });
        int regions = 0;
        for (int[] s : sizes) {
            regions += s.length;
        }
        double[] inv = new double[regions];
        int r = 0;
        for (int i = 0; i < n; i++) {
            int base = r;
            for (int s : sizes[i]) {
                inv[r++] = 1.0 / s;
            }
            if (base != 0) {
                for (int p = (int) posOffset[i]; p < posOffset[i + 1]; p++) {
                    pos[p] += base;
                }
            }
        }
        SortableFloats.sort(neg);
        SortableFloats.sortByHigh(pos);
        return new ExactPixels(neg, pos, inv);
    }

    long positives() {
        return posKeys.length;
    }

    long negatives() {
        return negKeys.length;
    }

    long regions() {
        return invRegionSize.length;
    }

    float minScore() {
        int a = negKeys.length > 0 ? negKeys[0] : -1;
        int b = posKeys.length > 0 ? (int) (posKeys[0] >>> 32) : -1;
        return SortableFloats.score(Integer.compareUnsigned(a, b) <= 0 ? a : b);
    }

    float maxScore() {
        int a = negKeys.length > 0 ? negKeys[negKeys.length - 1] : 0;
        int b = posKeys.length > 0 ? (int) (posKeys[posKeys.length - 1] >>> 32) : 0;
        return SortableFloats.score(Integer.compareUnsigned(a, b) >= 0 ? a : b);
    }

    /** Feeds every distinct score, highest first, with its anomalous and normal pixel counts and region weight. */
    void walk(GroupSink sink) {
        int i = negKeys.length - 1;
        int j = posKeys.length - 1;
        while (i >= 0 || j >= 0) {
            int kn = i >= 0 ? negKeys[i] : 0;
            int kp = j >= 0 ? (int) (posKeys[j] >>> 32) : 0;
            int k;
            if (i < 0) {
                k = kp;
            } else if (j < 0) {
                k = kn;
            } else {
                k = Integer.compareUnsigned(kn, kp) >= 0 ? kn : kp;
            }
            long neg = 0;
            while (i >= 0 && negKeys[i] == k) {
                neg++;
                i--;
            }
            long pos = 0;
            double w = 0;
            while (j >= 0 && (int) (posKeys[j] >>> 32) == k) {
                w += invRegionSize[(int) posKeys[j]];
                pos++;
                j--;
            }
            sink.group(SortableFloats.score(k), pos, neg, w);
        }
    }

    PixelEvaluation evaluate(double fprLimit) {
        DescendingCurve curve = new DescendingCurve(positives(), negatives(), regions(), fprLimit);
        walk((score, pos, neg, w) -> curve.group(score, pos, neg, w));
        return curve.result(false);
    }

    /**
     * ADer's AUPRO (see {@link PixelMetrics#auproAder}): {@code steps} thresholds {@code min + i·(max − min)/steps},
     * flags scores strictly above, keeps points with FPR below the limit, rescales their FPR to [0, 1].
     */
    double auproAder(int steps, double fprLimit) {
        PixelMetrics.checkDefined(positives(), negatives());
        double min = minScore();
        double max = maxScore();
        if (!(max > min)) {
            throw new IllegalArgumentException("AUPRO (ADer) undefined: every pixel scores " + min + ", so the thresholds are all equal");
        }
        double delta = (max - min) / steps;
        double[] th = new double[steps];
        for (int t = 0; t < steps; t++) {
            th[t] = min + t * delta;
        }
        double[] fpr = new double[steps];
        double[] pro = new double[steps];
        long negs = negatives();
        long regs = regions();
        // Groups arrive highest first; thresholds are visited highest first, each one taking the totals of
        // the groups strictly above it.
        class Walk implements GroupSink {
            int t = steps - 1;
            long fp;
            double w;

            @Override
            public void group(float score, long pos, long neg, double weight) {
                while (t >= 0 && !(score > th[t])) {
                    record();
                }
                fp += neg;
                w += weight;
            }

            void record() {
                fpr[t] = (double) fp / negs;
                pro[t] = w / regs;
                t--;
            }
        }
        Walk walk = new Walk();
        walk(walk);
        while (walk.t >= 0) {
            walk.record();
        }
        int kept = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < steps; t++) {
            if (fpr[t] < fprLimit) {
                kept++;
                lo = Math.min(lo, fpr[t]);
                hi = Math.max(hi, fpr[t]);
            }
        }
        if (kept < 2 || !(hi > lo)) {
            throw new IllegalArgumentException("AUPRO (ADer) undefined: " + kept + " of " + steps
                    + " thresholds give FPR < " + fprLimit + (kept >= 2 ? ", all with the same FPR" : ""));
        }
        // Trapezoids in threshold order (FPR decreasing), negated as sklearn.metrics.auc does for decreasing x.
        double area = 0;
        double px = Double.NaN;
        double py = Double.NaN;
        for (int t = 0; t < steps; t++) {
            if (fpr[t] < fprLimit) {
                double x = (fpr[t] - lo) / (hi - lo);
                if (!Double.isNaN(px)) {
                    area += (x - px) * (py + pro[t]) / 2;
                }
                px = x;
                py = pro[t];
            }
        }
        return -area;
    }
}

package io.argus.metrics.pixel;

/**
 * Streaming pixel metrics (ADEval's method, winggan/adeval; VISION.md §14): per-bin counts of anomalous and
 * normal pixels, and per-bin sums of 1/size(region) over anomalous pixels, so that pixel AUROC, pixel AP,
 * AUPRO and pixel F1-max come from O(bins) memory however many maps are added. Bins are
 * {@code linspace(min, max, nstrips + 1)} plus one bin below {@code min} and one above {@code max}; regions are
 * the 8-connected components of each mask. {@link #add} is O(pixels) time; {@link #result} is O(nstrips).
 *
 * <p><b>Definition.</b> A bin acts as one tied score: the curves are the exact curves restricted to the
 * thresholds at bin edges, joined by straight lines. Because binning is monotone, those points are a subset
 * of the exact curve's points, and the exact curve between two of them is monotone. Hence:
 * <ul>
 *   <li>AUROC: the exact value differs only in pairs (anomalous, normal) that share a bin, each counted ½
 *       here and 0 or 1 exactly: |error| ≤ Σ_b pos_b·neg_b / (2·P·N), the mass of same-bin pairs over two;</li>
 *   <li>AP: inside bin b the precision at any anomalous pixel lies in [(tp₀+1)/(seen₀+neg_b+1),
 *       (tp₀+pos_b)/(seen₀+pos_b)] (tp₀, seen₀: counts above the bin), so |error| ≤ Σ_b (pos_b/P)·(hi_b − lo_b);</li>
 *   <li>AUPRO: each bin is a box ΔFPR_b × ΔPRO_b containing the exact curve and the chord, so |error| ≤
 *       (Σ_b ΔFPR_b·ΔPRO_b / 2 + ΔFPR·ΔPRO of the part of the bin crossing the FPR limit) / limit.</li>
 * </ul>
 * {@link #result} computes all three bounds from the histogram ({@link PixelEvaluation#aurocErrorBound()}
 * etc.), so every result states its own accuracy. They shrink as bins get finer and are large only when
 * many pixels of both classes share a bin (e.g. many exactly tied scores, which exact mode also treats as
 * one threshold, or a range much wider than where the scores lie).
 *
 * <p>Same inputs in the same order give the same result. An instance is not thread-safe; for parallel use,
 * give each thread its own histogram with the same bins and {@link #merge} them in a fixed order.
 */
public final class PixelHistogram {

    private final double min;
    private final double max;
    private final int nstrips;
    private final double scale;
    private final double fprLimit;
    // Index 0: below min; 1..nstrips: the strips; nstrips + 1: above max.
    private final long[] pos;
    private final long[] neg;
    private final double[] weight;
    private long regions;
    private long images;
    private final ConnectedComponents cc = new ConnectedComponents();

    /**
     * An empty histogram over {@code [min, max]} with {@code nstrips} equal bins, integrating AUPRO up to
     * FPR {@code fprLimit}.
     */
    public PixelHistogram(double min, double max, int nstrips, double fprLimit) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("score range [" + min + ", " + max + "] must be finite with min <= max");
        }
        if (nstrips < 1 || nstrips > 100_000_000) {
            throw new IllegalArgumentException("nstrips is " + nstrips + "; it must be in [1, 100000000]");
        }
        PixelMetrics.checkFprLimit(fprLimit);
        this.min = min;
        this.max = max;
        this.nstrips = nstrips;
        this.scale = max > min ? nstrips / (max - min) : 0;
        this.fprLimit = fprLimit;
        this.pos = new long[nstrips + 2];
        this.neg = new long[nstrips + 2];
        this.weight = new double[nstrips + 2];
    }

    /** As {@link #PixelHistogram(double, double, int, double)} with the FPR limit 0.3. */
    public PixelHistogram(double min, double max, int nstrips) {
        this(min, max, nstrips, PixelMetrics.FPR_LIMIT_DEFAULT);
    }

    /** Adds one image. Its index in error messages is the number of images added before it. */
    public PixelHistogram add(AnomalyMap map, GroundTruthMask mask) {
        int index = (int) images;
        PixelMetrics.checkImage(index, map, mask);
        boolean[] m = mask.anomalous();
        int count = cc.run(m, map.width(), map.height(), true);
        int[] labels = cc.labels();
        int[] sizes = cc.sizes();
        float[] v = map.values();
        double lo = min;
        double hi = max;
        double sc = scale;
        int top = nstrips;
        for (int p = 0; p < v.length; p++) {
            double s = v[p];
            int b;
            if (s < lo) {
                b = 0;
            } else if (s > hi) {
                b = top + 1;
            } else {
                b = 1 + Math.min(top - 1, (int) ((s - lo) * sc));
            }
            if (m[p]) {
                pos[b]++;
                weight[b] += 1.0 / sizes[labels[p]];
            } else {
                neg[b]++;
            }
        }
        regions += count;
        images++;
        return this;
    }

    /** Adds the counts of {@code other}, which must have the same bins and FPR limit; {@code other} is unchanged. */
    public PixelHistogram merge(PixelHistogram other) {
        if (other.min != min || other.max != max || other.nstrips != nstrips || other.fprLimit != fprLimit) {
            throw new IllegalArgumentException("cannot merge histograms with different bins: [" + min + ", " + max + "]/" + nstrips
                    + " limit " + fprLimit + " vs [" + other.min + ", " + other.max + "]/" + other.nstrips + " limit " + other.fprLimit);
        }
        for (int b = 0; b < pos.length; b++) {
            pos[b] += other.pos[b];
            neg[b] += other.neg[b];
            weight[b] += other.weight[b];
        }
        regions += other.regions;
        images += other.images;
        return this;
    }

    /** Images added so far. */
    public long images() {
        return images;
    }

    /**
     * The metrics of the images added so far, with their error bounds against exact mode.
     *
     * @throws IllegalArgumentException when no pixel is anomalous or none is normal (the metrics are undefined)
     */
    public PixelEvaluation result() {
        long p = 0;
        long n = 0;
        for (int b = 0; b < pos.length; b++) {
            p += pos[b];
            n += neg[b];
        }
        DescendingCurve curve = new DescendingCurve(p, n, regions, fprLimit);
        for (int b = nstrips + 1; b >= 0; b--) {
            double threshold = b == nstrips + 1 ? Math.nextUp(max) : b == 0 ? Double.NEGATIVE_INFINITY : min + (b - 1) / scale;
            if (scale == 0 && b >= 1 && b <= nstrips) {
                threshold = min;
            }
            curve.group(threshold, pos[b], neg[b], weight[b]);
        }
        return curve.result(true);
    }
}

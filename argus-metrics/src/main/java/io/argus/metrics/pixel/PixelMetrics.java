package io.argus.metrics.pixel;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Pixel-level (localisation) metrics of anomaly maps against ground-truth masks, as the industrial
 * anomaly-detection literature reports them: pixel AUROC, pixel AP, AUPRO and pixel F1-max, over all pixels
 * of all images pooled. Definitions follow ADer's benchmark ({@code zhangzjn/ADer util/metric.py}) and ADEval
 * ({@code winggan/adeval}), see VISION.md §14; the PRO curve is from Bergmann et al., "The MVTec Anomaly
 * Detection Dataset" (IJCV 2021) as implemented by cflow-ad.
 *
 * <ul>
 *   <li>{@value #PIXEL_AUROC}: Mann–Whitney AUROC of all pixels (ties count one half), equal to
 *       {@link io.argus.metrics.BinaryMetrics#auroc} on the concatenated pixels;</li>
 *   <li>{@value #PIXEL_AP}: scikit-learn's step average precision of all pixels, equal to
 *       {@link io.argus.metrics.BinaryMetrics#averagePrecision} on the concatenation;</li>
 *   <li>{@value #AUPRO}: regions are the 8-connected components of each mask, each region weighing the
 *       same however large. At threshold t (pixels scoring ≥ t flagged), PRO(t) = mean over all regions of
 *       all images of the fraction of the region flagged, FPR(t) = fraction of normal pixels flagged. The
 *       curve (FPR, PRO) runs from (0, 0) through one point per distinct score (exact: no threshold grid)
 *       to (1, 1), linear between points; it is integrated by trapezoids from FPR 0 to exactly 0.3 (the last
 *       segment interpolated at 0.3) and divided by 0.3, so a perfect map gives 1. This is ADEval's
 *       normalisation; cflow/ADer instead keep grid points with FPR &lt; 0.3 and rescale FPR by its observed
 *       range, offered as {@link #auproAder} ({@value #AUPRO_ADER});</li>
 *   <li>{@value #PIXEL_F1_MAX}: the largest 2PR/(P+R) over all thresholds (every distinct score), as ADer
 *       computes it from {@code precision_recall_curve}.</li>
 * </ul>
 *
 * <p><b>Exact mode</b> (the static methods below): the pixels are sorted once by a primitive radix sort of
 * float keys (no {@code double[]} copy, no boxing), in O(pixels) time and about 4 bytes per normal and 8
 * per anomalous pixel (twice that while sorting); the maps are read in parallel over images into fixed
 * slices, so results do not depend on the thread count. Call {@link #evaluate} to get all four metrics from
 * one sort. <b>Streaming mode</b>: {@link PixelHistogram} (bounded memory, stated error bound), or
 * {@link #evaluateStreaming} over in-memory lists.
 *
 * <p>Bad input fails with a message naming the image: a different number of maps and masks, a mask whose
 * size differs from its map, a NaN or infinite score. Metrics that are undefined (no anomalous pixel, no
 * normal pixel) say so instead of returning a number.
 */
public final class PixelMetrics {

    /** Name of pixel AUROC. */
    public static final String PIXEL_AUROC = "pixel_auroc";
    /** Name of pixel average precision. */
    public static final String PIXEL_AP = "pixel_ap";
    /** Name of AUPRO up to FPR 0.3, normalised by 0.3. */
    public static final String AUPRO = "aupro_0.3";
    /** Name of pixel F1-max. */
    public static final String PIXEL_F1_MAX = "pixel_f1_max";
    /** Name of ADer's AUPRO (200 linear thresholds, FPR &lt; 0.3 rescaled by its range). */
    public static final String AUPRO_ADER = "aupro_ader";
    /** The metrics' names, in the order result tables list them. */
    public static final List<String> NAMES = List.of(PIXEL_AUROC, PIXEL_AP, AUPRO, PIXEL_F1_MAX, AUPRO_ADER);

    /** The FPR up to which AUPRO integrates by default. */
    public static final double FPR_LIMIT_DEFAULT = 0.3;
    /** ADEval's default number of bins for streaming mode. */
    public static final int NSTRIPS_DEFAULT = 1000;
    /** ADer's number of thresholds for {@link #auproAder}. */
    public static final int ADER_STEPS_DEFAULT = 200;

    /** Images per histogram in {@link #evaluateStreaming}; fixed so that the reduction order is too. */
    private static final int STREAM_CHUNK = 16;

    private PixelMetrics() {
    }

    /** Pixel AUROC, exact. See the class Javadoc. */
    public static double pixelAuroc(List<AnomalyMap> maps, List<GroundTruthMask> masks) {
        return evaluate(maps, masks).pixelAuroc();
    }

    /** Pixel average precision, exact. See the class Javadoc. */
    public static double pixelAp(List<AnomalyMap> maps, List<GroundTruthMask> masks) {
        return evaluate(maps, masks).pixelAp();
    }

    /** AUPRO up to FPR 0.3 divided by 0.3, exact (every distinct score is a threshold). See the class Javadoc. */
    public static double aupro(List<AnomalyMap> maps, List<GroundTruthMask> masks) {
        return aupro(maps, masks, FPR_LIMIT_DEFAULT);
    }

    /** AUPRO up to FPR {@code fprLimit} (in (0, 1]) divided by {@code fprLimit}, exact. */
    public static double aupro(List<AnomalyMap> maps, List<GroundTruthMask> masks, double fprLimit) {
        return evaluate(maps, masks, fprLimit).aupro();
    }

    /** Pixel F1-max, exact. See the class Javadoc. */
    public static double pixelF1Max(List<AnomalyMap> maps, List<GroundTruthMask> masks) {
        return evaluate(maps, masks).pixelF1Max();
    }

    /**
     * AUPRO as ADer's {@code cal_pro_score} computes it (cflow-ad's definition, VISION.md §14; read from the
     * description there, not verified against ADer's code line by line): 200 thresholds
     * {@code min + i·(max − min)/200}, i = 0..199, over all pixels; at each, pixels scoring strictly above
     * are flagged and PRO (mean over 8-connected regions) and FPR are taken; points with FPR &lt; 0.3 are kept,
     * their FPR rescaled to [0, 1] by its observed min and max, and the area is the trapezoid rule. Differs
     * from {@link #aupro} by the grid (coarse) and the rescaling (the truncated curve's own FPR range
     * instead of 0.3). Thresholds are computed in double from the float extremes.
     */
    public static double auproAder(List<AnomalyMap> maps, List<GroundTruthMask> masks) {
        return ExactPixels.of(maps, masks).auproAder(ADER_STEPS_DEFAULT, FPR_LIMIT_DEFAULT);
    }

    /** All pixel metrics from one sort, AUPRO up to FPR 0.3. */
    public static PixelEvaluation evaluate(List<AnomalyMap> maps, List<GroundTruthMask> masks) {
        return evaluate(maps, masks, FPR_LIMIT_DEFAULT);
    }

    /** All pixel metrics from one sort, AUPRO up to FPR {@code fprLimit}. */
    public static PixelEvaluation evaluate(List<AnomalyMap> maps, List<GroundTruthMask> masks, double fprLimit) {
        checkFprLimit(fprLimit);
        return ExactPixels.of(maps, masks).evaluate(fprLimit);
    }

    /** The metric of that name ({@link #NAMES}), exact; an unknown name gives an error listing the known ones. */
    public static double compute(String name, List<AnomalyMap> maps, List<GroundTruthMask> masks) {
        switch (name) {
            case PIXEL_AUROC:
                return pixelAuroc(maps, masks);
            case PIXEL_AP:
                return pixelAp(maps, masks);
            case AUPRO:
                return aupro(maps, masks);
            case PIXEL_F1_MAX:
                return pixelF1Max(maps, masks);
            case AUPRO_ADER:
                return auproAder(maps, masks);
            default:
                throw new IllegalArgumentException("unknown pixel metric '" + name + "'; known pixel metrics: " + String.join(", ", NAMES));
        }
    }

    /**
     * All pixel metrics in streaming mode ({@link PixelHistogram}) with {@code nstrips} bins between the
     * smallest and largest score (a first pass over the maps finds them). Images go in fixed chunks of 16 to
     * histograms filled in parallel and merged in chunk order, so the result does not depend on the thread
     * count. Memory: O(nstrips) per chunk besides the maps.
     */
    public static PixelEvaluation evaluateStreaming(List<AnomalyMap> maps, List<GroundTruthMask> masks, int nstrips) {
        int n = checkInputs(maps, masks);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (AnomalyMap m : maps) {
            for (float v : m.values()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        float lo = min;
        float hi = max;
        int chunks = (n + STREAM_CHUNK - 1) / STREAM_CHUNK;
        PixelHistogram[] parts = new PixelHistogram[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            PixelHistogram h = new PixelHistogram(lo, hi, nstrips);
            for (int i = c * STREAM_CHUNK; i < Math.min(n, (c + 1) * STREAM_CHUNK); i++) {
                h.add(maps.get(i), masks.get(i));
            }
            parts[c] = h;
        });
        PixelHistogram all = new PixelHistogram(lo, hi, nstrips);
        for (PixelHistogram h : parts) {
            all.merge(h);
        }
        return all.result();
    }

    // ---- validation shared by both modes ----

    /** Checks counts, sizes and values of all images; returns the number of images. */
    static int checkInputs(List<AnomalyMap> maps, List<GroundTruthMask> masks) {
        if (maps == null || masks == null) {
            throw new IllegalArgumentException("maps and masks must not be null");
        }
        if (maps.size() != masks.size()) {
            throw new IllegalArgumentException("count mismatch: " + maps.size() + " anomaly maps but " + masks.size() + " masks");
        }
        if (maps.isEmpty()) {
            throw new IllegalArgumentException("no images: pixel metrics need at least one anomaly map");
        }
        for (int i = 0; i < maps.size(); i++) {
            checkImage(i, maps.get(i), masks.get(i));
        }
        return maps.size();
    }

    static void checkImage(int i, AnomalyMap map, GroundTruthMask mask) {
        if (map == null || mask == null) {
            throw new IllegalArgumentException("image " + i + ": " + (map == null ? "anomaly map" : "mask") + " is null");
        }
        if (map.width() != mask.width() || map.height() != mask.height()) {
            throw new IllegalArgumentException("image " + i + ": mask is " + mask.width() + "x" + mask.height()
                    + " but anomaly map is " + map.width() + "x" + map.height());
        }
        float[] v = map.values();
        for (int p = 0; p < v.length; p++) {
            if (!Float.isFinite(v[p])) {
                throw new IllegalArgumentException("image " + i + ": anomaly map value at (x=" + (p % map.width()) + ", y="
                        + (p / map.width()) + ") is " + v[p] + "; scores must be finite");
            }
        }
    }

    static void checkDefined(long positives, long negatives) {
        if (positives == 0) {
            throw new IllegalArgumentException("pixel metrics undefined: the masks hold no anomalous pixel, so AUPRO has no region"
                    + " and AUROC/AP no positive (" + negatives + " normal pixels)");
        }
        if (negatives == 0) {
            throw new IllegalArgumentException("pixel metrics undefined: the masks hold no normal pixel, so FPR and AUROC are undefined ("
                    + positives + " anomalous pixels)");
        }
    }

    static void checkFprLimit(double fprLimit) {
        if (!(fprLimit > 0 && fprLimit <= 1)) {
            throw new IllegalArgumentException("fprLimit is " + fprLimit + "; it must be in (0, 1]");
        }
    }
}

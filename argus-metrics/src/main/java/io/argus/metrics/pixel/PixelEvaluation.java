package io.argus.metrics.pixel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pixel-level metrics of a set of anomaly maps against ground-truth masks, from one pass over the pixels
 * sorted (exact mode) or binned (streaming mode). Definitions: {@link PixelMetrics}.
 *
 * @param pixelAuroc       pixel AUROC (Mann–Whitney, ties counting one half)
 * @param pixelAp          pixel average precision (scikit-learn's step definition)
 * @param aupro            area under the PRO curve up to {@code fprLimit}, divided by {@code fprLimit}
 * @param fprLimit         the FPR up to which {@code aupro} integrates (0.3 by default)
 * @param pixelF1Max       the largest pixel F1 over all thresholds
 * @param f1MaxThreshold   a threshold reaching it (pixels scoring at least this are flagged); in streaming
 *                         mode the lower edge of a bin
 * @param aurocErrorBound  streaming mode: a bound on |pixelAuroc − exact pixel AUROC|; 0 in exact mode
 * @param apErrorBound     streaming mode: a bound on |pixelAp − exact pixel AP|; 0 in exact mode
 * @param auproErrorBound  streaming mode: a bound on |aupro − exact AUPRO|; 0 in exact mode
 */
public record PixelEvaluation(double pixelAuroc, double pixelAp, double aupro, double fprLimit, double pixelF1Max,
                              double f1MaxThreshold, double aurocErrorBound, double apErrorBound, double auproErrorBound) {

    /** The metrics by their snake_case names ({@link PixelMetrics#NAMES}), in that order. */
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(PixelMetrics.PIXEL_AUROC, pixelAuroc);
        m.put(PixelMetrics.PIXEL_AP, pixelAp);
        m.put(PixelMetrics.AUPRO, aupro);
        m.put(PixelMetrics.PIXEL_F1_MAX, pixelF1Max);
        return m;
    }
}

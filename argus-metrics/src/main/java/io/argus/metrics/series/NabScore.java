package io.argus.metrics.series;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The NAB score: Lavin &amp; Ahmad, "Evaluating Real-time Anomaly Detection Algorithms — the Numenta
 * Anomaly Benchmark", IEEE ICMLA 2015, following the scoring code of {@code numenta/NAB} v1.1
 * ({@code nab/sweeper.py}, {@code nab/runner.py: normalize}, {@code nab/optimizer.py}).
 *
 * <p><b>Rules.</b> σ̃(x) = 2/(1 + e^{5x}) − 1 (NAB's scaled sigmoid; −1 for x ≥ 3). The first
 * ⌊min(0.15·n, 750)⌋ steps of each file are a probationary period and are not scored at all. A step
 * with score ≥ threshold is a detection.
 * <ul>
 *   <li>Inside a window [l, r] (width W = r − l + 1) a detection at step i is worth
 *       A_TP·σ̃(−(r − i + 1)/W)/σ̃(−1): exactly A_TP at the window's first step, falling towards 0 at its
 *       end. Only the best, i.e. the first, detection of a window counts; a window without detection
 *       costs −A_FN.</li>
 *   <li>A detection outside every window is worth A_FP·σ̃(|i − r'|/(W' − 1)) where [l', r'] is the
 *       closest preceding window (width W'): close to 0 right after a window, −A_FP far from it; −A_FP
 *       when no window precedes. (NAB divides by W' − 1; a one-step window, where NAB's code divides by
 *       zero, uses 1.)</li>
 *   <li>The raw score of a file is the sum; the corpus raw score sums the files. Normalised score =
 *       100·(raw − null)/(perfect − null), where null = −A_FN·(number of windows) is the detector that
 *       flags nothing and perfect = A_TP·(number of windows) the one that flags each window's first
 *       step. Windows lying wholly in the probationary period count in neither (NAB's labels have none;
 *       NAB's perfect score counts them all).</li>
 *   <li>Threshold optimisation ({@link #optimize}): as NAB's sweeper, every distinct score of the
 *       corpus is tried as the threshold (plus "detect nothing") and the one giving the highest corpus
 *       score wins, per profile, the highest threshold on ties. This uses the labels: it is NAB's
 *       protocol, report it as such.</li>
 * </ul>
 *
 * <p>Complexity: {@link #score} O(n) per file; {@link #optimize} O(N log N) for N steps in the corpus.
 * O(N) memory.
 */
public final class NabScore {

    /** NAB's probationary fraction of each file. */
    public static final double PROBATION_PERCENT_DEFAULT = 0.15;

    /**
     * One data file: the detector's score per step and NAB's anomaly windows as step ranges.
     *
     * @param scores  one finite score per step, higher = more anomalous
     * @param windows sorted, disjoint windows inside the series (may be empty)
     */
    public record Series(double[] scores, List<Range> windows) {

        /** Validates and copies. */
        public Series {
            Ranges.validateScores(scores, scores == null ? 0 : scores.length, "steps");
            Ranges.validate(windows, scores.length, "windows");
            scores = scores.clone();
            windows = List.copyOf(windows);
        }

        /** A file scored by binary detections (0/1): with threshold 1 every 1 is a detection. */
        public static Series ofDetections(int[] detections, List<Range> windows) {
            Ranges.rangesOf(detections, "detection");
            double[] s = new double[detections.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = detections[i];
            }
            return new Series(s, windows);
        }

        @Override
        public double[] scores() {
            return scores.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Series s && Arrays.equals(scores, s.scores) && windows.equals(s.windows);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(scores) + windows.hashCode();
        }

        @Override
        public String toString() {
            return "Series[" + scores.length + " steps, windows=" + windows + "]";
        }
    }

    /**
     * A NAB score.
     *
     * @param score      normalised score, 100 for the perfect detector, 0 for the null detector
     * @param raw        raw corpus score at {@code threshold}
     * @param nullRaw    raw score of the detector that flags nothing
     * @param perfectRaw raw score of the perfect detector
     * @param threshold  the detection threshold (score ≥ threshold); +∞ means nothing is detected
     */
    public record Result(double score, double raw, double nullRaw, double perfectRaw, double threshold) {
    }

    private static final double MAX_TP = scaledSigmoid(-1.0);

    private NabScore() {
    }

    /** NAB's scaled sigmoid 2·sigmoid(−5x) − 1, and −1 for x ≥ 3. */
    public static double scaledSigmoid(double x) {
        if (x >= 3.0) {
            return -1.0;
        }
        return 2.0 / (1.0 + Math.exp(5.0 * x)) - 1.0;
    }

    /** Number of leading steps NAB leaves unscored: ⌊min(0.15·n, 0.15·5000)⌋. */
    public static int probationaryLength(int n) {
        return (int) Math.min(Math.floor(PROBATION_PERCENT_DEFAULT * n), PROBATION_PERCENT_DEFAULT * 5000);
    }

    /**
     * Normalised NAB score of the corpus at a fixed threshold (detection: score ≥ threshold).
     *
     * @throws IllegalArgumentException when the corpus holds no scorable window (the normalisation is
     *         undefined) or the threshold is NaN
     */
    public static Result score(List<Series> corpus, double threshold, NabProfile profile) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
        Prepared p = prepare(corpus, profile);
        double fp = 0;
        double[] parts = new double[p.windowCount];
        Arrays.fill(parts, -profile.fnWeight());
        for (int i = 0; i < p.scores.length; i++) {
            if (p.scores[i] >= threshold) {
                int w = p.window[i];
                if (w < 0) {
                    fp += p.sweep[i];
                } else {
                    parts[w] = Math.max(parts[w], p.sweep[i]);
                }
            }
        }
        double raw = fp;
        for (double part : parts) {
            raw += part;
        }
        return p.result(raw, threshold, profile);
    }

    /** Raw NAB score of one file's binary detections (0/1), without normalisation. */
    public static double rawScore(int[] detections, List<Range> windows, NabProfile profile) {
        Prepared p = prepare(List.of(Series.ofDetections(detections, windows)), profile);
        double fp = 0;
        double[] parts = new double[p.windowCount];
        Arrays.fill(parts, -profile.fnWeight());
        for (int i = 0; i < p.scores.length; i++) {
            if (p.scores[i] >= 1) {
                if (p.window[i] < 0) {
                    fp += p.sweep[i];
                } else {
                    parts[p.window[i]] = Math.max(parts[p.window[i]], p.sweep[i]);
                }
            }
        }
        for (double part : parts) {
            fp += part;
        }
        return fp;
    }

    /**
     * NAB's threshold optimisation: the threshold among the corpus' distinct scores (and "detect
     * nothing", threshold +∞) that maximises the corpus score for {@code profile}, and that score.
     *
     * @throws IllegalArgumentException when the corpus holds no scorable window
     */
    public static Result optimize(List<Series> corpus, NabProfile profile) {
        Prepared p = prepare(corpus, profile);
        int m = p.scores.length;
        int[] order = sortDescending(p.scores);
        double[] parts = new double[p.windowCount];
        Arrays.fill(parts, -profile.fnWeight());
        double total = -profile.fnWeight() * p.windowCount;
        double bestScore = total;
        double bestThreshold = Double.POSITIVE_INFINITY;
        int i = 0;
        while (i < m) {
            double s = p.scores[order[i]];
            while (i < m && p.scores[order[i]] == s) {
                int idx = order[i];
                int w = p.window[idx];
                if (w < 0) {
                    total += p.sweep[idx];
                } else if (p.sweep[idx] > parts[w]) {
                    total += p.sweep[idx] - parts[w];
                    parts[w] = p.sweep[idx];
                }
                i++;
            }
            if (total > bestScore) {
                bestScore = total;
                bestThreshold = s;
            }
        }
        return p.result(bestScore, bestThreshold, profile);
    }

    /**
     * NAB windows given as timestamps turned into step ranges: a window covers the steps whose
     * timestamp t satisfies start ≤ t ≤ end (NAB's {@code Window}).
     *
     * @param timestamps the file's timestamps, strictly increasing
     * @param windows    pairs {start, end}, sorted
     * @throws IllegalArgumentException on unsorted timestamps, a window that ends before it starts or
     *         covers no step, or overlapping windows
     */
    public static List<Range> windowRanges(List<LocalDateTime> timestamps, List<LocalDateTime[]> windows) {
        for (int i = 1; i < timestamps.size(); i++) {
            if (!timestamps.get(i).isAfter(timestamps.get(i - 1))) {
                throw new IllegalArgumentException("timestamps must be strictly increasing: " + timestamps.get(i) + " at step " + i
                        + " follows " + timestamps.get(i - 1));
            }
        }
        List<Range> out = new ArrayList<>();
        for (LocalDateTime[] w : windows) {
            if (w == null || w.length != 2 || w[0] == null || w[1] == null) {
                throw new IllegalArgumentException("a window must be a pair {start, end}");
            }
            if (w[1].isBefore(w[0])) {
                throw new IllegalArgumentException("window [" + w[0] + ", " + w[1] + "] ends before it starts");
            }
            int first = lowerBound(timestamps, w[0]);
            int last = lowerBound(timestamps, w[1].plusNanos(1)) - 1;
            if (first > last) {
                throw new IllegalArgumentException("window [" + w[0] + ", " + w[1] + "] covers no timestamp of the series");
            }
            out.add(new Range(first, last));
        }
        Ranges.validate(out, timestamps.size(), "windows");
        return List.copyOf(out);
    }

    private static final DateTimeFormatter NAB_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    /** Parses NAB's timestamps, {@code 2014-04-10 07:15:00} with or without a fraction of a second. */
    public static LocalDateTime parseTimestamp(String s) {
        try {
            return LocalDateTime.parse(s.trim(), NAB_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a NAB timestamp (yyyy-MM-dd HH:mm:ss[.ffffff]): '" + s + "'", e);
        }
    }

    private static int lowerBound(List<LocalDateTime> ts, LocalDateTime t) {
        int lo = 0;
        int hi = ts.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts.get(mid).isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Scorable steps of the whole corpus with their window id (−1 outside) and sweep score. */
    private static final class Prepared {
        double[] scores;
        int[] window;
        double[] sweep;
        int windowCount;

        Result result(double raw, double threshold, NabProfile profile) {
            double nullRaw = -profile.fnWeight() * windowCount;
            double perfect = profile.tpWeight() * windowCount;
            return new Result(100 * (raw - nullRaw) / (perfect - nullRaw), raw, nullRaw, perfect, threshold);
        }
    }

    private static Prepared prepare(List<Series> corpus, NabProfile profile) {
        if (corpus == null || corpus.isEmpty()) {
            throw new IllegalArgumentException("the corpus holds no file");
        }
        if (profile == null) {
            throw new IllegalArgumentException("profile must not be null");
        }
        int total = 0;
        for (Series s : corpus) {
            total += s.scores.length - probationaryLength(s.scores.length);
        }
        Prepared p = new Prepared();
        p.scores = new double[total];
        p.window = new int[total];
        p.sweep = new double[total];
        int o = 0;
        int windowId = 0;
        for (Series file : corpus) {
            int n = file.scores.length;
            int probation = probationaryLength(n);
            List<Range> ws = file.windows;
            int next = 0; // next window not yet passed
            Range prev = null;
            int[] ids = new int[ws.size()];
            Arrays.fill(ids, -1);
            for (int i = 0; i < n; i++) {
                while (next < ws.size() && ws.get(next).endInclusive() < i) {
                    prev = ws.get(next);
                    next++;
                }
                Range cur = next < ws.size() && ws.get(next).start() <= i ? ws.get(next) : null;
                if (i < probation) {
                    continue;
                }
                p.scores[o] = file.scores[i];
                if (cur != null) {
                    if (ids[next] < 0) {
                        ids[next] = windowId++;
                    }
                    double width = cur.length();
                    double pos = -(cur.endInclusive() - i + 1) / width;
                    p.window[o] = ids[next];
                    p.sweep[o] = scaledSigmoid(pos) * profile.tpWeight() / MAX_TP;
                } else {
                    double pos = prev == null ? 3.0 : Math.abs(prev.endInclusive() - i) / (double) Math.max(prev.length() - 1, 1);
                    p.window[o] = -1;
                    p.sweep[o] = scaledSigmoid(pos) * profile.fpWeight();
                }
                o++;
            }
        }
        p.windowCount = windowId;
        if (windowId == 0) {
            throw new IllegalArgumentException("NAB score undefined: the corpus holds no anomaly window after the probationary period"
                    + " (perfect and null detectors score the same)");
        }
        return p;
    }

    private static int[] sortDescending(double[] v) {
        Integer[] boxed = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            boxed[i] = i;
        }
        // Stable: ties keep corpus order, as NAB's sorted().
        Arrays.sort(boxed, (a, b) -> Double.compare(v[b], v[a]));
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }
}

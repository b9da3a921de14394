package io.argus.timeseries.nab;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Fit;
import io.argus.core.data.Series;
import io.argus.metrics.series.NabProfile;
import io.argus.metrics.series.NabScore;
import io.argus.metrics.series.Vus;
import io.argus.timeseries.stream.Spot;
import io.argus.timeseries.stream.SpotParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a series detector over the NAB corpus as NAB runs its detectors, and scores it.
 *
 * <p><b>Protocol.</b> Per file of n steps, P = NAB's probationary length ⌊min(0.15·n, 750)⌋. The
 * detector is fitted on steps [0, P − 1) (a streaming detector learns them) and the model scores steps
 * [P − 1, n) score-then-learn, so each score depends only on earlier steps; the scores of steps
 * [0, P − 1) are the in-sample streaming scores of {@link Detector#fitScore} (NAB never scores them).
 * Labels are read only by the metrics.
 *
 * <p><b>Detections, two ways</b> (both reported, labelled):
 * <ul>
 *   <li><em>NAB-optimised</em>: NAB's own protocol: one threshold for the whole corpus, chosen per
 *       profile to maximise the corpus score ({@link NabScore#optimize}). It sees the labels, as every
 *       figure on NAB's scoreboard does.</li>
 *   <li><em>Label-free</em>: a detection is a step whose score reaches a threshold fixed without labels:
 *       the method's own decision ({@link Decision#fixed}, e.g. KNN-CAD's alert level 0.9965 or a
 *       thresholded forest's grade &gt; 0), or SPOT ({@link Decision#spot}) calibrated on the probationary
 *       scores and run over the rest of the stream.</li>
 * </ul>
 * Both are scored with the three NAB profiles, as a corpus (NAB scores are corpus figures). VUS-PR is
 * per file (files with at least one window), with TSB-AD's sliding window from the file's values.
 */
public final class NabProtocol {

    private NabProtocol() {
    }

    /** How a label-free detection is decided from a file's scores. */
    public interface Decision {
        /** 0/1 detections for steps [probation, n) of one file's scores (earlier entries are ignored). */
        int[] detect(double[] scores, int probation);

        /** What to print: "score >= 0.9965", "SPOT(q=1e-4)". */
        String describe();

        /** A detection wherever the score is ≥ {@code threshold}. */
        static Decision fixed(double threshold, String why) {
            return new Decision() {
                @Override
                public int[] detect(double[] scores, int probation) {
                    int[] out = new int[scores.length];
                    for (int i = probation; i < scores.length; i++) {
                        out[i] = scores[i] >= threshold ? 1 : 0;
                    }
                    return out;
                }

                @Override
                public String describe() {
                    return "score >= " + threshold + " (" + why + ")";
                }
            };
        }

        /** SPOT/DSPOT calibrated on the scores of steps [0, probation) and run over the rest. */
        static Decision spot(SpotParams params) {
            return new Decision() {
                @Override
                public int[] detect(double[] scores, int probation) {
                    int[] out = new int[scores.length];
                    Spot spot = new Spot(params);
                    double[] calibration = java.util.Arrays.copyOf(scores, probation);
                    try {
                        spot.initialize(calibration);
                    } catch (IllegalArgumentException e) {
                        // No usable calibration (e.g. all scores equal in the probation): nothing is
                        // detected rather than guessing a threshold.
                        return out;
                    }
                    for (int i = probation; i < scores.length; i++) {
                        out[i] = spot.step(scores[i]) ? 1 : 0;
                    }
                    return out;
                }

                @Override
                public String describe() {
                    return (params.depth() > 0 ? "DSPOT(q=" + params.q() + ", d=" + params.depth() : "SPOT(q=" + params.q())
                            + ", level=" + params.level() + ") calibrated on the probationary scores";
                }
            };
        }
    }

    /**
     * The scores of one file.
     *
     * @param file the NAB file
     * @param scores one score per step
     * @param seconds wall time of fitting and scoring
     */
    public record Scored(NabCorpus.File file, double[] scores, double seconds) {
    }

    /** Result of a detector on the corpus. */
    public record Result(Map<String, Double> optimised, Map<String, Double> optimisedThresholds, Map<String, Double> labelFree,
            double meanVusPr, double meanVusRoc, int vusFiles, List<Scored> files, String decision) {
    }

    /** Scores every file with {@code detector} under the protocol above. */
    public static List<Scored> score(List<NabCorpus.File> corpus, Detector<Series> detector, Context ctx) {
        List<Scored> out = new ArrayList<>();
        for (NabCorpus.File f : corpus) {
            long t0 = System.nanoTime();
            out.add(new Scored(f, scoreFile(f, detector, ctx), (System.nanoTime() - t0) / 1e9));
        }
        return out;
    }

    /** One file's scores under the protocol: fit on steps [0, P − 1), score [P − 1, n) score-then-learn. */
    public static double[] scoreFile(NabCorpus.File f, Detector<Series> detector, Context ctx) {
        Series s = f.series().withoutLabels();
        int n = s.steps();
        int cut = Math.max(0, NabScore.probationaryLength(n) - 1);
        Fit<Series> fit = detector.fitScore(s.slice(0, cut), ctx);
        double[] test = fit.model().score(s.slice(cut, n), ctx).values();
        double[] all = new double[n];
        System.arraycopy(fit.trainingScores().values(), 0, all, 0, cut);
        System.arraycopy(test, 0, all, cut, n - cut);
        return all;
    }

    /**
     * The label-free decision for a detector: its own threshold when it has one
     * ({@link io.argus.timeseries.stream.StreamingSeriesDetector#decisionThreshold}), otherwise SPOT with
     * its defaults calibrated on the probationary scores.
     */
    public static Decision decisionFor(Detector<Series> detector) {
        if (detector instanceof io.argus.timeseries.stream.StreamingSeriesDetector s && s.decisionThreshold().isPresent()) {
            return Decision.fixed(s.decisionThreshold().getAsDouble(), s.method() + "'s own decision");
        }
        return Decision.spot(SpotParams.SPOT);
    }

    /**
     * NAB's raw score of one file's 0/1 detections for a profile, and its scorable windows (those that
     * end after the probationary period). Summed over files these give the corpus score:
     * 100·(Σraw + A_FN·W)/((A_TP + A_FN)·W) for W windows in all.
     *
     * @param raw the raw score
     * @param windows scorable windows
     */
    public record FileRaw(double raw, int windows) {
    }

    /** See {@link FileRaw}; a file without scorable windows costs A_FP per detection after the probation. */
    public static FileRaw raw(int[] detections, List<io.argus.metrics.series.Range> windows, NabProfile profile) {
        int p = NabScore.probationaryLength(detections.length);
        int scorable = 0;
        for (io.argus.metrics.series.Range w : windows) {
            if (w.endInclusive() >= p) {
                scorable++;
            }
        }
        if (scorable > 0) {
            return new FileRaw(NabScore.rawScore(detections, windows, profile), scorable);
        }
        int count = 0;
        for (int i = p; i < detections.length; i++) {
            count += detections[i];
        }
        return new FileRaw(-profile.fpWeight() * count, 0);
    }

    /** The normalised corpus score from summed raw scores and windows. */
    public static double normalised(double raw, int windows, NabProfile profile) {
        double nullRaw = -profile.fnWeight() * windows;
        double perfect = profile.tpWeight() * windows;
        return 100 * (raw - nullRaw) / (perfect - nullRaw);
    }

    /** NAB scores (both ways, three profiles) and mean VUS of scored files. */
    public static Result evaluate(List<Scored> files, Decision decision) {
        Objects.requireNonNull(decision, "decision");
        List<NabScore.Series> raw = new ArrayList<>();
        List<NabScore.Series> detections = new ArrayList<>();
        double vusPr = 0;
        double vusRoc = 0;
        int vusFiles = 0;
        for (Scored sc : files) {
            NabCorpus.File f = sc.file();
            raw.add(new NabScore.Series(sc.scores(), f.windows()));
            int p = NabScore.probationaryLength(sc.scores().length);
            detections.add(NabScore.Series.ofDetections(decision.detect(sc.scores(), p), f.windows()));
            if (!f.windows().isEmpty()) {
                float[] v = f.series().channel(0);
                double[] dv = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    dv[i] = v[i];
                }
                Vus.Result r = Vus.vus(sc.scores(), f.windows(), Vus.slidingWindow(dv));
                vusPr += r.pr();
                vusRoc += r.roc();
                vusFiles++;
            }
        }
        Map<String, Double> opt = new LinkedHashMap<>();
        Map<String, Double> optThr = new LinkedHashMap<>();
        Map<String, Double> free = new LinkedHashMap<>();
        for (NabProfile profile : NabProfile.all()) {
            NabScore.Result o = NabScore.optimize(raw, profile);
            opt.put(profile.name(), o.score());
            optThr.put(profile.name(), o.threshold());
            free.put(profile.name(), NabScore.score(detections, 1.0, profile).score());
        }
        return new Result(opt, optThr, free, vusFiles == 0 ? Double.NaN : vusPr / vusFiles, vusFiles == 0 ? Double.NaN : vusRoc / vusFiles,
                vusFiles, files, decision.describe());
    }
}

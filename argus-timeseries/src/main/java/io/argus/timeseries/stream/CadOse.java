package io.argus.timeseries.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * CAD OSE, the Contextual Anomaly Detector, Open Source Edition: M. Smirnov, 2016
 * ({@code github.com/smirmik/CAD}), as the Numenta Anomaly Benchmark runs it
 * ({@code nab/detectors/context_ose}, NAB scoreboard 69.9 standard, 67.0 low FP, 73.2 low FN). A
 * univariate streaming detector that learns which "contexts" (what was true at the previous step →
 * what is true now) recur, and scores a step by how much of it was not predicted.
 *
 * <p><b>Per step.</b> The value is quantised to one of 2^bits levels over [min, max] (level =
 * ⌊(v − min)/step⌋, step = (max − min)/(2^bits − 1), or (2^bits − 1)/(2^bits − 1) = 1 when max = min)
 * and turned into one sensor fact per bit: 65536 + 2·bit position + bit. The prediction error is
 * positive when some sensor fact was not among the facts predicted at the previous step. Then the
 * context memory ({@link CadOseContexts}) is stepped: the pair (previous left facts, current sensor
 * facts) is stored as a zero-level context; the contexts whose left side matched the previous step
 * completely are "selected", those whose right side also matches now are "active"; a1 = active /
 * selected. When the zero-level context is new, partial matches of zero-level contexts form potential
 * new contexts and a2 = added / distinct potential ones. The 15 active contexts of highest activation
 * count (ties broken by the hashes of their sides) become "neuron" facts 2^31 + id that, with the
 * sensor facts, form the next left facts, from which the next sensor facts are predicted. The score is
 * (1 − a1 + a2)/2 when the prediction error is positive, else 0, in [0, 1]; it is reported as 0 while
 * any of the last restPeriod raw scores (initially a single 1.0) reached {@code baseThreshold}, so an
 * alert silences the detector for restPeriod = ⌊P/5⌋ steps (P the probationary period, see
 * {@link CadOseParams}).
 *
 * <p><b>Value range.</b> NAB's harness gives every detector the minimum and maximum of the whole data
 * file (its {@code inputMin}, {@code inputMax}); CAD OSE quantises over that range. Here the range is a
 * constructor argument; {@link CadOseDetector} takes it from the training data or, under NAB's
 * convention, from {@link InputRangeAware}. Values outside it are clipped to it (the reference, given
 * the file's range, never sees one).
 *
 * <p><b>Fidelity.</b> Every rule of the reference is kept, including its Python 2 specifics: integer
 * division in the prediction error, semi-contexts keyed by Python 2 tuple hashes, ties between active
 * contexts broken by those hashes, the left semi-contexts' maps iterated in CPython 2.7 dict order, and
 * context 0 never updated (the reference compares context ids with {@code False}, which equals 0). So
 * fed the same float32 values, the reference's scores are reproduced step for step (checked on all 58
 * NAB files against NAB's code under CPython 2.7), and the raw NAB scores of NAB's stored CAD OSE
 * results are reproduced at NAB's thresholds. Two differences remain: values are float32 here (the
 * reference reads float64), which can move a value lying on a level boundary to the next level (in
 * NAB's {@code art_daily_jumpsdown} the file's maximum is level 7 in float32 and 6.999999999999999,
 * level 6, in float64, and the two context histories part from there), and the rest period is at least
 * 1 (with P &lt; 5 the reference's {@code history[-0:]} would look at the whole history and silence
 * every step).
 *
 * <p>Time per step: proportional to the contexts whose sides share a fact with the step's facts, which
 * on 3-bit values is most of them. Memory: every context ever formed, of the order of 100 bytes
 * each; the method never forgets, so memory grows with the stream, quickly on noise (about 64,000
 * contexts after the 4,032 steps of NAB's {@code art_noisy}, 2,654 after the 22,695 steps of
 * {@code machine_temperature_system_failure}). Use it on streams of NAB's length, not unbounded ones.
 * Not thread-safe.
 */
public final class CadOse implements OnlineDetector {

    private static final long SENSOR_BASE = 65536L;
    private static final long NEURON_BASE = 1L << 31;
    private static final Comparator<CadOseContexts.Active> BY_ACTIVATION = Comparator.comparingInt(CadOseContexts.Active::activations)
            .thenComparingLong(CadOseContexts.Active::leftHash)
            .thenComparingLong(CadOseContexts.Active::rightHash);

    private final CadOseParams params;
    private final double min;
    private final double max;
    private final double maxLevel;
    private final double levelStep;
    private final CadOseContexts memory;

    private long[] leftFacts = new long[0];
    private Set<Long> predicted = Set.of();
    /** Steps processed; the raw-score history has steps + 1 entries (it starts with 1.0). */
    private long steps;
    /** Index in the raw-score history of the last entry ≥ baseThreshold, or −1. */
    private long lastHigh;
    private long learned;
    /** The rest period, fixed at the first scored step; −1 before. */
    private int restPeriod = -1;
    private double lastRaw;

    /**
     * A detector quantising over [min, max].
     *
     * @throws IllegalArgumentException when a bound is not finite or min &gt; max
     */
    public CadOse(CadOseParams params, double min, double max) {
        this.params = Objects.requireNonNull(params, "params");
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("cad-ose: the value range must be finite with min <= max, got [" + min + ", " + max + "]");
        }
        this.min = min;
        this.max = max;
        this.maxLevel = (1L << params.valueBits()) - 1.0;
        double range = max - min;
        this.levelStep = (range == 0.0 ? maxLevel : range) / maxLevel;
        this.memory = new CadOseContexts(params.maxLeftSemiContextLength());
        this.lastHigh = 1.0 >= params.baseThreshold() ? 0 : -1;
    }

    /** Processes a training step; its score is not reported (CAD OSE learns the same way while scoring). */
    @Override
    public void learn(float[] point) {
        if (restPeriod >= 0) {
            throw new IllegalStateException("cad-ose: learn() after scoring started");
        }
        process(value(point));
        learned++;
    }

    @Override
    public double scoreAndUpdate(float[] point) {
        double v = value(point);
        if (restPeriod < 0) {
            long p = learned > 0 ? Math.min(learned, params.probation()) + 1 : params.probation();
            restPeriod = Math.max(1, (int) (p / 5.0));
        }
        return process(v);
    }

    private static double value(float[] point) {
        Points.requireChannels(point, 1);
        Points.requireFinite(point);
        return point[0];
    }

    /** One step of the reference's {@code getAnomalyScore}; returns the reported score (rest period applied). */
    private double process(double value) {
        long[] sensor = sensorFacts(value);
        boolean unpredicted = false;
        for (long f : sensor) {
            if (!predicted.contains(f)) {
                unpredicted = true;
                break;
            }
        }
        double[] a = step(sensor);
        double raw = unpredicted ? (1.0 - a[0] + a[1]) / 2.0 : 0.0;
        lastRaw = raw;
        // History entries 0..steps; the last restPeriod of them are steps − restPeriod + 1 .. steps.
        boolean quiet = restPeriod < 0 || lastHigh <= steps - restPeriod;
        steps++;
        if (raw >= params.baseThreshold()) {
            lastHigh = steps;
        }
        return quiet ? raw : 0.0;
    }

    /** The sorted sensor facts of a value: one per bit of its quantised level. */
    long[] sensorFacts(double value) {
        double v = Math.min(Math.max(value, min), max);
        long level = (long) ((v - min) / levelStep);
        level = Math.min(Math.max(level, 0), (long) maxLevel);
        long[] facts = new long[params.valueBits()];
        for (int b = 0; b < facts.length; b++) {
            facts[b] = SENSOR_BASE + 2L * b + ((level >> b) & 1);
        }
        return facts;
    }

    /** The reference's {@code step}: returns {a1, a2} and sets the predictions for the next step. */
    private double[] step(long[] sensor) {
        boolean newContext = false;
        Set<CadOseContexts.Pair> distinct = new HashSet<>();
        if (leftFacts.length > 0 && sensor.length > 0) {
            CadOseContexts.Pair zero = new CadOseContexts.Pair(leftFacts, sensor);
            distinct.add(zero);
            newContext = memory.add(List.of(zero), true) == 1;
        }
        CadOseContexts.Crossing crossing = memory.crossRight(sensor, newContext);
        distinct.addAll(crossing.potential());
        double a1 = crossing.selected() > 0 ? crossing.active().size() / (double) crossing.selected() : 0.0;

        List<CadOseContexts.Active> active = new ArrayList<>(crossing.active());
        active.sort(BY_ACTIVATION);
        int from = Math.max(0, active.size() - params.maxActiveNeurons());
        long[] next = Arrays.copyOf(sensor, sensor.length + active.size() - from);
        for (int i = from; i < active.size(); i++) {
            next[sensor.length + i - from] = NEURON_BASE + active.get(i).id();
        }
        Arrays.sort(next);
        leftFacts = next;

        CadOseContexts.Prediction prediction = memory.crossLeft(leftFacts, crossing.potential());
        predicted = prediction.predictions();
        int added = prediction.added() + (newContext ? 1 : 0);
        double a2 = newContext && !distinct.isEmpty() ? added / (double) distinct.size() : 0.0;
        return new double[] {a1, a2};
    }

    /** The last step's score before the rest period was applied. */
    double lastRawScore() {
        return lastRaw;
    }

    /** The rest period, or −1 before the first scored step. */
    int restPeriod() {
        return restPeriod;
    }

    /** Contexts in memory. */
    int contexts() {
        return memory.contexts();
    }

    @Override
    public String toString() {
        return "CadOse" + params + "[range=[" + min + ", " + max + "], steps=" + steps + ", contexts=" + memory.contexts() + "]";
    }
}

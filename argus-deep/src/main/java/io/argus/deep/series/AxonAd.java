package io.argus.deep.series;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.GradientCollector;
import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Series;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.core.threshold.ControlLimited;
import io.argus.deep.nn.Standardizer;
import io.argus.deep.nn.Torch;
import io.argus.deep.nn.Training;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AxonAD ("Surprised by Attention", iis-esslingen/AxonAD, ECML-PKDD 2026; algorithm as summarised from
 * {@code TSB_AD/models/AxonAD.py} in {@code shared/docs/papers/OTHER.md} §1): a window is anomalous when an
 * attention autoencoder reconstructs it badly and when a history-only predictor is surprised by the
 * attention queries an EMA target encoder computes for it.
 *
 * <ol>
 *   <li>Windows of W steps (stride 1); h = Linear(F→d)(x) + a learned positional embedding; h_n = LN(h).
 *   <li>Reconstruction path: multi-head self-attention (not causal) with q, k, v = W_q h_n, W_k h_n, W_v h_n,
 *       h2 = h + W_o ctx, h2 += FFN(LN(h2)) with FFN d→2d→d and ReLU, rec = Linear(d→F)(h2).
 *   <li>Student query predictor: h_n shifted right by s = forecastSteps (zero padding), then a causal TCN of
 *       4 blocks CausalConv1d(k = 3, dilation 1, 2, 4, 8) + ReLU + Dropout(0.1) and a 1×1 convolution: q_pred.
 *   <li>Target: an EMA copy of the embedding, positional embedding, first LayerNorm and W_q (momentum 0.9,
 *       updated after every optimiser step, no gradient): q_tgt = W_q^t LN^t(embed^t(x) + pos^t).
 *   <li>JEPA mask on the tail [max(s, W − tail), W), tail = (W − s) / 2: blocks of round(0.5 · tail) steps
 *       until about half of the tail is covered; L_jepa = mean over masked (t, head) of 1 − cos(q_pred, q_tgt).
 *   <li>Loss = e^{−s_rec} MSE(rec, x) + s_rec + e^{−s_kl} L_jepa + s_kl with learned s_rec, s_kl; AdamW,
 *       gradient-norm clip, early stopping on the validation reconstruction MSE.
 *   <li>Calibration on the training windows: e_mse = mean_t Σ_f (rec − x)², e_q = mean of 1 − cos over the
 *       last k valid steps and all heads; the median and IQR of each are stored.
 *   <li>Window score (e_mse − med)/IQR + (e_q − med)/IQR, spread to steps with ⌈(W−1)/2⌉ copies of the first
 *       window score on the left and ⌊(W−1)/2⌋ copies of the last on the right (each step takes the score of
 *       the window centred on it).
 * </ol>
 *
 * <p>Choices the summary does not fix, made here and open to correction against the code: channels are
 * standardised on the training series; the positional embedding starts from N(0, 0.02²), every linear and
 * convolution from PyTorch's default U(±1/√fan_in), s_rec and s_kl from 0, the target from a copy of the
 * student; the JEPA mask is drawn per window; an IQR of zero is replaced by 1e-12 to avoid dividing by zero;
 * calibration uses every training window (training and validation parts).
 *
 * <p>The model also carries an alarm threshold (Argus' addition, SKAB's rule, training data only): the
 * {@code uclFactor} multiple of the {@code uclQuantile} quantile of the training windows' scores; it is the
 * model's {@link ControlLimited#controlLimit()}, which the series benchmark suites use.
 *
 * <p>Numerical safety. Every constant in the autograd graph lives in the batch's manager until the backward
 * pass is done (see {@link #constant}); the gradient norm for the clip is summed in double and rescaled when
 * float32 squares would overflow; a NaN or infinite batch loss, validation MSE, gradient or returned weight
 * stops training with an {@link IllegalStateException} naming the epoch and the value (no step is skipped).
 * Constant channels keep scale 1 in the standardiser (they become 0, as in the other series methods), and
 * training data whose every channel is constant, or too short for two training windows, is refused.
 *
 * <p>Time: per epoch O(N · (W² d + W d² + W d F)) for N training windows; the attention is W × W per head.
 * Memory: about 0.35 M parameters at d = 128 (twice for Adam's moments, plus the target copy) and one batch.
 */
public final class AxonAd implements Detector<Series> {

    private static final Logger LOG = LoggerFactory.getLogger(AxonAd.class);

    static final String NAME = "axonad";
    static final String ARCHITECTURE = "architecture";
    static final String CALIBRATION = "calibration";
    static final String UCL = "ucl";
    static final String STUDENT = "student.";
    static final String TARGET = "target.";
    private static final int TCN_BLOCKS = 4;
    private static final int TCN_KERNEL = 3;
    private static final float LN_EPS = 1e-5f;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPS = 1e-8;
    private static final int SCORE_BATCH = 256;
    /** The parameters the EMA target copies from the student. */
    private static final List<String> TARGET_PARTS = List.of("embed.w", "embed.b", "pos", "ln1.g", "ln1.b", "wq.w", "wq.b");

    private final AxonAdParams params;

    public AxonAd(AxonAdParams params) {
        this.params = params;
    }

    /** The student's parameter names and shapes, in a fixed order. */
    static Map<String, long[]> studentShapes(int f, AxonAdParams p) {
        int d = p.dModel();
        Map<String, long[]> s = new LinkedHashMap<>();
        s.put("embed.w", new long[] {d, f});
        s.put("embed.b", new long[] {d});
        s.put("pos", new long[] {p.window(), d});
        s.put("ln1.g", new long[] {d});
        s.put("ln1.b", new long[] {d});
        for (String m : List.of("wq", "wk", "wv", "wo")) {
            s.put(m + ".w", new long[] {d, d});
            s.put(m + ".b", new long[] {d});
        }
        s.put("ln2.g", new long[] {d});
        s.put("ln2.b", new long[] {d});
        s.put("ffn1.w", new long[] {2L * d, d});
        s.put("ffn1.b", new long[] {2L * d});
        s.put("ffn2.w", new long[] {d, 2L * d});
        s.put("ffn2.b", new long[] {d});
        s.put("out.w", new long[] {f, d});
        s.put("out.b", new long[] {f});
        for (int i = 0; i < TCN_BLOCKS; i++) {
            s.put("tcn" + i + ".w", new long[] {d, d, TCN_KERNEL});
            s.put("tcn" + i + ".b", new long[] {d});
        }
        s.put("tcnout.w", new long[] {d, d, 1});
        s.put("tcnout.b", new long[] {d});
        s.put("s_rec", new long[] {1});
        s.put("s_kl", new long[] {1});
        return s;
    }

    static long[] architecture(int channels, AxonAdParams p) {
        return new long[] {channels, p.window(), p.dModel(), p.heads(), p.forecastSteps(), p.klTailK()};
    }

    /** PyTorch-default initial values, drawn from a seeded Java generator. */
    static Map<String, float[]> initialise(Map<String, long[]> shapes, SplittableRandom rng) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            String name = e.getKey();
            long[] shape = e.getValue();
            int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            float[] v = new float[n];
            if (name.endsWith(".g")) {
                Arrays.fill(v, 1f);
            } else if (name.startsWith("ln") || name.startsWith("s_")) {
                // LayerNorm shift and the uncertainty weights start at 0
            } else if (name.equals("pos")) {
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (0.02 * gaussian(rng));
                }
            } else {
                String w = name.substring(0, name.indexOf('.')) + ".w";
                long[] ws = shapes.get(w);
                long fanIn = ws[1] * (ws.length == 3 ? ws[2] : 1);
                double bound = 1 / Math.sqrt(fanIn);
                for (int i = 0; i < n; i++) {
                    v[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
                }
            }
            out.put(name, v);
        }
        return out;
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The networks' arrays for one forward pass: the student's and the target's parameters by name. */
    record Net(Map<String, NDArray> student, Map<String, NDArray> target) {
    }

    /** Reconstruction, predicted queries and target queries of a (b, W, F) batch. */
    record Pass(NDArray rec, NDArray qPred, NDArray qTgt) {
    }

    static Pass forward(Net net, NDArray x, AxonAdParams p, boolean training) {
        Map<String, NDArray> s = net.student();
        Map<String, NDArray> t = net.target();
        int w = p.window();
        int d = p.dModel();
        int heads = p.heads();
        int dh = d / heads;
        long b = x.getShape().get(0);
        Shape norm = new Shape(d);
        NDArray h = Linear.linear(x, s.get("embed.w"), s.get("embed.b")).singletonOrThrow().add(s.get("pos"));
        NDArray hn = LayerNorm.layerNorm(h, norm, s.get("ln1.g"), s.get("ln1.b"), LN_EPS).singletonOrThrow();
        NDArray q = splitHeads(Linear.linear(hn, s.get("wq.w"), s.get("wq.b")).singletonOrThrow(), b, w, heads, dh);
        NDArray k = splitHeads(Linear.linear(hn, s.get("wk.w"), s.get("wk.b")).singletonOrThrow(), b, w, heads, dh);
        NDArray v = splitHeads(Linear.linear(hn, s.get("wv.w"), s.get("wv.b")).singletonOrThrow(), b, w, heads, dh);
        NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).div(constant(q, (float) Math.sqrt(dh))).softmax(-1);
        NDArray ctx = att.matMul(v).transpose(0, 2, 1, 3).reshape(b, w, d);
        NDArray h2 = h.add(Linear.linear(ctx, s.get("wo.w"), s.get("wo.b")).singletonOrThrow());
        NDArray ff = LayerNorm.layerNorm(h2, norm, s.get("ln2.g"), s.get("ln2.b"), LN_EPS).singletonOrThrow();
        ff = Activation.relu(Linear.linear(ff, s.get("ffn1.w"), s.get("ffn1.b")).singletonOrThrow());
        h2 = h2.add(Linear.linear(ff, s.get("ffn2.w"), s.get("ffn2.b")).singletonOrThrow());
        NDArray rec = Linear.linear(h2, s.get("out.w"), s.get("out.b")).singletonOrThrow();

        int shift = p.forecastSteps();
        NDArray z = hn.getManager().zeros(new Shape(b, shift, d)).concat(hn.get(":, :" + (w - shift) + ", :"), 1).transpose(0, 2, 1);
        for (int i = 0; i < TCN_BLOCKS; i++) {
            int dil = 1 << i;
            int pad = (TCN_KERNEL - 1) * dil;
            NDArray padded = z.getManager().zeros(new Shape(b, d, pad)).concat(z, 2);
            z = Conv1d.conv1d(padded, s.get("tcn" + i + ".w"), s.get("tcn" + i + ".b"), new Shape(1), new Shape(0), new Shape(dil))
                    .singletonOrThrow();
            z = Activation.relu(z);
            if (p.dropout() > 0) {
                z = Dropout.dropout(z, (float) p.dropout(), training).singletonOrThrow();
            }
        }
        z = Conv1d.conv1d(z, s.get("tcnout.w"), s.get("tcnout.b")).singletonOrThrow();
        NDArray qPred = z.transpose(0, 2, 1).reshape(b, w, heads, dh);

        NDArray ht = Linear.linear(x, t.get("embed.w"), t.get("embed.b")).singletonOrThrow().add(t.get("pos"));
        NDArray htn = LayerNorm.layerNorm(ht, norm, t.get("ln1.g"), t.get("ln1.b"), LN_EPS).singletonOrThrow();
        NDArray qTgt = Linear.linear(htn, t.get("wq.w"), t.get("wq.b")).singletonOrThrow().reshape(b, w, heads, dh).stopGradient();
        return new Pass(rec, qPred, qTgt);
    }

    private static NDArray splitHeads(NDArray a, long b, int w, int heads, int dh) {
        return a.reshape(b, w, heads, dh).transpose(0, 2, 1, 3);
    }

    /** 1 − cos(q_pred, q_tgt) per (window, step, head): (b, W, heads), as (x / max(‖x‖, 1e-8)) · (y / max(‖y‖, 1e-8)). */
    static NDArray mismatch(Pass pass) {
        // each side is normalised on its own (no product of norms to overflow), each squared norm clamped below before the
        // square root, whose gradient is infinite at 0 (PyTorch's F.cosine_similarity clamps each norm at eps = 1e-8 alike)
        NDArray floor = constant(pass.qPred(), 1e-16f);
        NDArray a = pass.qPred().div(pass.qPred().square().sum(new int[] {3}, true).maximum(floor).sqrt());
        NDArray b = pass.qTgt().div(pass.qTgt().square().sum(new int[] {3}, true).maximum(floor).sqrt());
        return a.mul(b).sum(new int[] {3}).neg().add(constant(a, 1f));
    }

    /**
     * A float32 scalar in {@code like}'s manager, where it stays until that manager closes.
     *
     * <p>Every constant that enters the autograd graph is made this way, never through DJL's
     * {@code div(Number)}, {@code maximum(Number)} and alike: those wrap the number in an array and close it
     * as soon as the forward operation returns, while PyTorch's graph still holds the operand for the
     * backward pass (a quotient's gradient divides by it, a maximum's compares with it). The array's memory
     * is a direct buffer that the JVM frees when its collector finds it unreachable, so a collection
     * between the forward and the backward pass left the backward pass reading freed memory: the cause of
     * the NaN gradients on SKAB valve2/0 and other/2 (only the attention's query and key path, the one
     * behind the 1/√d_h scale, went NaN; see {@code AxonAdTest.gradientsDoNotDependOnWhenTheGarbageCollectorRuns}).
     */
    private static NDArray constant(NDArray like, float value) {
        return like.getManager().create(value);
    }

    /**
     * The training objective of one batch (OTHER.md §1): e^{−s_rec} MSE(rec, x) + s_rec + e^{−s_kl} L_jepa + s_kl,
     * L_jepa the mean of 1 − cos(q_pred, q_tgt) over the masked (step, head) pairs.
     *
     * @param xb the (b, W, F) windows, in {@code bm}
     * @param mask the (b, W, 1) JEPA mask, in {@code bm}
     * @param bm the batch's manager; it must stay open until the backward pass is done
     */
    static NDArray trainingLoss(Net net, NDArray xb, NDArray mask, AxonAdParams p, NDManager bm) {
        Pass pass = forward(net, xb, p, true);
        NDArray mse = pass.rec().sub(xb).square().mean();
        NDArray jepa = mismatch(pass).mul(mask).sum().div(mask.sum().mul(p.heads()));
        NDArray sRec = temp(bm, net.student().get("s_rec").reshape(new Shape()));
        NDArray sKl = temp(bm, net.student().get("s_kl").reshape(new Shape()));
        return sRec.neg().exp().mul(mse).add(sRec).add(sKl.neg().exp().mul(jepa)).add(sKl);
    }

    /**
     * The JEPA mask of a batch, (b, W) in {0, 1}: inside the tail [max(s, W − tail), W), blocks of
     * round(0.5 · tail) steps at random offsets until about {@code maskRatio} of the tail is covered.
     */
    static float[] jepaMask(int batch, AxonAdParams p, SplittableRandom rng) {
        int w = p.window();
        int s = p.forecastSteps();
        int tail = (w - s) / 2;
        int from = Math.max(s, w - tail);
        int len = w - from;
        int block = Math.max(1, Math.min(len, (int) Math.round(0.5 * tail)));
        int want = Math.max(1, (int) Math.round(p.maskRatio() * len));
        float[] m = new float[batch * w];
        for (int i = 0; i < batch; i++) {
            int covered = 0;
            for (int tries = 0; covered < want && tries < 100; tries++) {
                int start = from + rng.nextInt(len - block + 1);
                for (int t = start; t < start + block; t++) {
                    if (m[i * w + t] == 0) {
                        m[i * w + t] = 1;
                        covered++;
                    }
                }
            }
        }
        return m;
    }

    @Override
    public Model<Series> fit(Series train, Context ctx) {
        int w = params.window();
        int steps = train.size();
        if (steps < w + 1) {
            throw new IllegalArgumentException(NAME + " needs at least window + 1 = " + (w + 1) + " training steps, got " + steps);
        }
        Standardizer scaler = Standardizer.fit(ConvAutoEncoder.asTable(train), NAME);
        int c = train.channels();
        float[] x = scaler.apply(ConvAutoEncoder.asTable(train), NAME);
        int windows = Windows.count(steps, w);
        int[] order = permutation(windows, ctx.random(0x6178_6f6eL));
        int nVal = (int) Math.floor(windows * params.validationFraction());
        if (params.validationFraction() > 0 && nVal == 0) {
            nVal = 1;
        }
        if (windows - nVal < 2) {
            throw new IllegalArgumentException(NAME + " needs at least 2 training windows after holding out " + nVal + " for validation, got "
                    + windows + " windows");
        }
        int[] val = Arrays.copyOfRange(order, 0, nVal);
        int[] fitRows = Arrays.copyOfRange(order, nVal, windows);
        Arrays.sort(val);
        Arrays.sort(fitRows);
        Map<String, long[]> shapes = studentShapes(c, params);
        Map<String, float[]> init = initialise(shapes, ctx.random(0x696e_6974L));
        SplittableRandom shuffle = ctx.random(0x7368_7566L);
        SplittableRandom masks = ctx.random(0x6a65_7061L);
        long dropoutSeed = ctx.random(0x6472_6f70L).nextLong();
        Map<String, Tensor> weights = Torch.call(ctx, () -> {
            Torch.seed(dropoutSeed);
            try (NDManager m = NDManager.newBaseManager(Torch.engine().defaultDevice(), Torch.ENGINE)) {
                return train(m, shapes, init, x, c, fitRows, val, shuffle, masks, ctx);
            }
        });
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put(ARCHITECTURE, Tensor.i64(architecture(c, params)));
        scaler.putInto(state);
        state.putAll(weights);
        AxonModel provisional = new AxonModel(params, c, scaler, state, new double[] {0, 1, 0, 1}, Double.NaN);
        double[][] parts = provisional.windowParts(x, steps, ctx);
        double[] calib = new double[4];
        for (int j = 0; j < 2; j++) {
            double med = Windows.quantile(parts[j], 0.5);
            double iqr = Windows.quantile(parts[j], 0.75) - Windows.quantile(parts[j], 0.25);
            calib[2 * j] = med;
            calib[2 * j + 1] = iqr > 0 ? iqr : 1e-12;
        }
        state.put(CALIBRATION, Tensor.f64(calib));
        AxonModel calibrated = new AxonModel(params, c, scaler, state, calib, Double.NaN);
        double ucl = params.uclFactor() * Windows.quantile(calibrated.windowScores(parts), params.uclQuantile());
        state.put(UCL, Tensor.f64(new double[] {ucl}));
        return new AxonModel(params, c, scaler, state, calib, ucl);
    }

    private Map<String, Tensor> train(NDManager m, Map<String, long[]> shapes, Map<String, float[]> init, float[] x, int c, int[] fitRows,
            int[] val, SplittableRandom shuffle, SplittableRandom masks, Context ctx) {
        int w = params.window();
        Map<String, NDArray> student = new LinkedHashMap<>();
        Map<String, NDArray> target = new LinkedHashMap<>();
        Map<String, NDArray> m1 = new LinkedHashMap<>();
        Map<String, NDArray> m2 = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            NDArray a = m.create(init.get(e.getKey()), new Shape(e.getValue()));
            a.setRequiresGradient(true);
            student.put(e.getKey(), a);
            m1.put(e.getKey(), m.zeros(a.getShape(), DataType.FLOAT32));
            m2.put(e.getKey(), m.zeros(a.getShape(), DataType.FLOAT32));
        }
        for (String k : TARGET_PARTS) {
            target.put(k, m.create(init.get(k), new Shape(shapes.get(k))));
        }
        Net net = new Net(student, target);
        double best = Double.POSITIVE_INFINITY;
        Map<String, Tensor> bestWeights = null;
        int sinceBest = 0;
        int bestEpoch = 0;
        int lastEpoch = 0;
        long step = 0;
        ctx.progress().start(NAME, params.epochs());
        try {
            for (int epoch = 0; epoch < params.epochs(); epoch++) {
                int[] perm = fitRows.clone();
                for (int i = perm.length - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int tmp = perm[i];
                    perm[i] = perm[j];
                    perm[j] = tmp;
                }
                double sum = 0;
                for (int from = 0; from < perm.length; from += params.batchSize()) {
                    ctx.checkCancelled();
                    int[] rows = Arrays.copyOfRange(perm, from, Math.min(perm.length, from + params.batchSize()));
                    try (NDManager bm = m.newSubManager()) {
                        NDArray xb = Windows.timeFirst(bm, x, c, w, rows);
                        NDArray mask = bm.create(jepaMask(rows.length, params, masks), new Shape(rows.length, w, 1));
                        double lossValue;
                        try (GradientCollector gc = Torch.engine().newGradientCollector()) {
                            NDArray loss = trainingLoss(net, xb, mask, params, bm);
                            lossValue = loss.getFloat();
                            Training.requireFinite(NAME, epoch + 1, "batch loss", lossValue);
                            gc.backward(loss);
                        }
                        step++;
                        adamW(student, m1, m2, step, epoch + 1, bm);
                        for (String k : TARGET_PARTS) {
                            NDArray tk = target.get(k);
                            tk.muli((float) params.emaMomentum()).addi(temp(bm, student.get(k).mul((float) (1 - params.emaMomentum()))));
                        }
                        sum += lossValue * rows.length;
                    }
                }
                double valMse = val.length == 0 ? Double.NaN : validationMse(net, x, c, val, m, ctx);
                if (val.length > 0) {
                    Training.requireFinite(NAME, epoch + 1, "validation reconstruction MSE", valMse);
                }
                LOG.debug("{} epoch {}: train loss {} validation reconstruction MSE {}", NAME, epoch + 1, sum / fitRows.length, valMse);
                ctx.progress().advance(1);
                lastEpoch = epoch + 1;
                if (val.length > 0) {
                    if (valMse < best) {
                        best = valMse;
                        bestEpoch = epoch + 1;
                        bestWeights = snapshot(net);
                        sinceBest = 0;
                    } else if (++sinceBest >= params.patience() && params.patience() > 0) {
                        break;
                    }
                }
            }
        } finally {
            ctx.progress().done();
        }
        Map<String, Tensor> out = bestWeights != null ? bestWeights : snapshot(net);
        Training.requireFinite(NAME, bestWeights != null ? bestEpoch : lastEpoch, out);
        return out;
    }

    /**
     * One AdamW step with global gradient-norm clipping (PyTorch's clip_grad_norm_ then AdamW), gradients zeroed after.
     *
     * @throws IllegalStateException naming the epoch and the parameter when a gradient holds a NaN or an infinity (the
     *         clip would turn it into NaN weights)
     */
    private void adamW(Map<String, NDArray> student, Map<String, NDArray> m1, Map<String, NDArray> m2, long step, int epoch, NDManager bm) {
        double sq = 0;
        for (Map.Entry<String, NDArray> e : student.entrySet()) {
            sq += squaredNorm(temp(bm, e.getValue().getGradient()), e.getKey(), epoch);
        }
        double norm = Math.sqrt(sq);
        Training.requireFinite(NAME, epoch, "global gradient norm", norm);
        float clip = params.gradClip() > 0 && norm > params.gradClip() ? (float) (params.gradClip() / (norm + 1e-6)) : 1f;
        float lr = (float) params.learningRate();
        double bc1 = 1 - Math.pow(BETA1, step);
        double bc2 = 1 - Math.pow(BETA2, step);
        for (Map.Entry<String, NDArray> e : student.entrySet()) {
            NDArray p = e.getValue();
            NDArray g = temp(bm, p.getGradient());
            if (clip != 1f) {
                g.muli(clip);
            }
            NDArray a = m1.get(e.getKey());
            NDArray b = m2.get(e.getKey());
            a.muli((float) BETA1).addi(g.mul((float) (1 - BETA1)));
            b.muli((float) BETA2).addi(g.square().mul((float) (1 - BETA2)));
            p.muli((float) (1 - lr * params.weightDecay()));
            NDArray update = temp(bm, a.div((float) bc1)).div(temp(bm, b.div((float) bc2)).sqrt().add((float) ADAM_EPS)).mul(lr);
            p.subi(update);
            g.subi(g);
        }
    }

    /**
     * The squared L2 norm of a gradient, in double: float32 squares overflow above about 1.8e19, so a large but finite
     * gradient is summed scaled by its largest magnitude. A NaN or infinite entry stops training.
     */
    static double squaredNorm(NDArray g, String name, int epoch) {
        double sq = g.square().sum().getFloat();
        if (Double.isFinite(sq)) {
            return sq;
        }
        double max = g.abs().max().getFloat();
        Training.requireFinite(NAME, epoch, "largest gradient magnitude of " + name, max);
        double scaled = g.div(constant(g, (float) max)).square().sum().getFloat();
        return scaled * max * max;
    }

    /** Hands an array made from a long-lived one to the batch's manager, so that it is freed with the batch. */
    private static NDArray temp(NDManager bm, NDArray a) {
        a.attach(bm);
        return a;
    }

    private double validationMse(Net net, float[] x, int c, int[] val, NDManager m, Context ctx) {
        double sum = 0;
        int w = params.window();
        for (int from = 0; from < val.length; from += params.batchSize()) {
            ctx.checkCancelled();
            int[] rows = Arrays.copyOfRange(val, from, Math.min(val.length, from + params.batchSize()));
            try (NDManager bm = m.newSubManager()) {
                NDArray xb = Windows.timeFirst(bm, x, c, w, rows);
                Pass pass = forward(net, xb, params, false);
                sum += pass.rec().sub(xb).square().mean().getFloat() * rows.length;
            }
        }
        return sum / val.length;
    }

    private static Map<String, Tensor> snapshot(Net net) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : net.student().entrySet()) {
            out.put(STUDENT + e.getKey(), Tensor.f32(e.getValue().toFloatArray(), e.getValue().getShape().getShape()));
        }
        for (Map.Entry<String, NDArray> e : net.target().entrySet()) {
            out.put(TARGET + e.getKey(), Tensor.f32(e.getValue().toFloatArray(), e.getValue().getShape().getShape()));
        }
        return out;
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** A fitted AxonAD with its calibration and alarm threshold. */
    public static final class AxonModel implements Model<Series>, ControlLimited {
        private final AxonAdParams params;
        private final int channels;
        private final Standardizer scaler;
        private final Map<String, Tensor> state;
        private final double[] calibration;
        private final double ucl;
        private final String description;

        AxonModel(AxonAdParams params, int channels, Standardizer scaler, Map<String, Tensor> state, double[] calibration, double ucl) {
            this.params = params;
            this.channels = channels;
            this.scaler = scaler;
            this.state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
            this.calibration = calibration.clone();
            this.ucl = ucl;
            this.description = NAME + " " + Arrays.toString(architecture(channels, params))
                    + " (channels, window, dModel, heads, forecastSteps, klTailK)";
        }

        static AxonModel restore(AxonAdParams params, Map<String, Tensor> state) {
            long[] a = StateTensors.require(state, ARCHITECTURE, Tensor.DType.I64).longs();
            long[] want = architecture(1, params);
            if (a.length != want.length || a[0] < 1 || a[0] > 1_000_000 || !Arrays.equals(Arrays.copyOfRange(a, 1, a.length),
                    Arrays.copyOfRange(want, 1, want.length))) {
                throw new IllegalArgumentException(NAME + ": model state tensor '" + ARCHITECTURE + "' is " + Arrays.toString(a)
                        + " but the parameters give [channels, " + params.window() + ", " + params.dModel() + ", " + params.heads() + ", "
                        + params.forecastSteps() + ", " + params.klTailK() + "]");
            }
            int c = (int) a[0];
            Standardizer scaler = Standardizer.from(state);
            if (scaler.cols() != c) {
                throw new IllegalArgumentException(NAME + ": the scaler has " + scaler.cols() + " channels but the architecture has " + c);
            }
            double[] calib = StateTensors.doubles(state, CALIBRATION, 4);
            double ucl = StateTensors.doubles(state, UCL, 1)[0];
            AxonModel m = new AxonModel(params, c, scaler, state, calib, ucl);
            List<String> expected = new ArrayList<>();
            Map<String, long[]> shapes = studentShapes(c, params);
            for (Map.Entry<String, long[]> e : shapes.entrySet()) {
                m.check(STUDENT + e.getKey(), e.getValue());
                expected.add(STUDENT + e.getKey());
            }
            for (String k : TARGET_PARTS) {
                m.check(TARGET + k, shapes.get(k));
                expected.add(TARGET + k);
            }
            for (String k : state.keySet()) {
                if ((k.startsWith(STUDENT) || k.startsWith(TARGET)) && !expected.contains(k)) {
                    throw new IllegalArgumentException("model state has tensor '" + k + "' that the architecture " + m.description + " does not have");
                }
            }
            return m;
        }

        private void check(String name, long[] shape) {
            Tensor t = state.get(name);
            if (t == null) {
                throw new IllegalArgumentException("model state lacks tensor '" + name + "' that the architecture " + description
                        + " needs (shape " + Arrays.toString(shape) + ")");
            }
            if (t.dtype() != Tensor.DType.F32) {
                throw new IllegalArgumentException("model state tensor '" + name + "' is " + t.dtype() + ", expected F32");
            }
            if (!Arrays.equals(t.shape(), shape)) {
                throw new IllegalArgumentException("model state tensor '" + name + "' has shape " + Arrays.toString(t.shape())
                        + " but the architecture " + description + " expects " + Arrays.toString(shape));
            }
        }

        /** The alarm threshold on step scores (SKAB's UCL rule on training window scores). */
        public double threshold() {
            return ucl;
        }

        /**
         * The same alarm limit as {@link #threshold()}: {@code uclFactor} times the {@code uclQuantile} quantile of
         * the training windows' scores (SKAB's Conv-AE / LSTM-AE rule, training data only), so that benchmarks flag a
         * step when its score is above it.
         */
        @Override
        public double controlLimit() {
            return ucl;
        }

        /** Per training or query window: e_mse and e_q. */
        double[][] windowParts(float[] x, int steps, Context ctx) {
            int w = params.window();
            int windows = Windows.count(steps, w);
            double[][] out = new double[2][windows];
            int k = params.klTailK();
            int firstValid = Math.max(params.forecastSteps(), w - k);
            Torch.call(ctx, () -> {
                try (NDManager m = NDManager.newBaseManager(Torch.engine().defaultDevice(), Torch.ENGINE)) {
                    Net net = new Net(arrays(m, STUDENT, studentShapes(channels, params).keySet()), arrays(m, TARGET, TARGET_PARTS));
                    for (int from = 0; from < windows; from += SCORE_BATCH) {
                        ctx.checkCancelled();
                        int to = Math.min(windows, from + SCORE_BATCH);
                        int[] starts = new int[to - from];
                        for (int i = 0; i < starts.length; i++) {
                            starts[i] = from + i;
                        }
                        try (NDManager bm = m.newSubManager()) {
                            NDArray xb = Windows.timeFirst(bm, x, channels, w, starts);
                            Pass pass = forward(net, xb, params, false);
                            float[] mse = pass.rec().sub(xb).square().sum(new int[] {2}).mean(new int[] {1}).toFloatArray();
                            float[] q = mismatch(pass).get(":, " + firstValid + ":, :").mean(new int[] {2}).mean(new int[] {1}).toFloatArray();
                            for (int i = 0; i < starts.length; i++) {
                                out[0][from + i] = mse[i];
                                out[1][from + i] = q[i];
                            }
                        }
                    }
                }
                return null;
            });
            return out;
        }

        private Map<String, NDArray> arrays(NDManager m, String prefix, Iterable<String> names) {
            Map<String, NDArray> out = new LinkedHashMap<>();
            for (String n : names) {
                Tensor t = state.get(prefix + n);
                out.put(n, m.create(t.floats(), new Shape(t.shape())));
            }
            return out;
        }

        double[] windowScores(double[][] parts) {
            double[] s = new double[parts[0].length];
            for (int i = 0; i < s.length; i++) {
                s[i] = (parts[0][i] - calibration[0]) / calibration[1] + (parts[1][i] - calibration[2]) / calibration[3];
            }
            return s;
        }

        @Override
        public Scores score(Series data, Context ctx) {
            if (data.channels() != channels) {
                throw new IllegalArgumentException("shape mismatch: the model was fitted on " + channels + " channels, the series has "
                        + data.channels());
            }
            int w = params.window();
            if (data.size() < w) {
                throw new IllegalArgumentException(NAME + ": the series has " + data.size() + " steps, fewer than the window " + w);
            }
            float[] x = scaler.apply(ConvAutoEncoder.asTable(data), NAME);
            double[] win = windowScores(windowParts(x, data.size(), ctx));
            double[] s = new double[data.size()];
            int left = w / 2; // ceil((W - 1) / 2)
            for (int t = 0; t < s.length; t++) {
                s[t] = win[Math.max(0, Math.min(win.length - 1, t - left))];
            }
            return Scores.of(s);
        }

        @Override
        public Map<String, Tensor> state() {
            return state;
        }
    }
}

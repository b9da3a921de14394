package io.argus.deep.nn;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.argus.core.Context;
import io.argus.core.model.Tensor;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop every Argus network uses: seeded initialisation, shuffled mini-batches, Adam or SGD
 * with a step learning-rate schedule, early stopping and model selection on a validation split of the
 * training samples, progress and cancellation through the {@link Context}.
 *
 * <p>Repeatability: the validation split and the batch order come from {@link Context#random(long)};
 * weight initialisation and dropout from PyTorch's generator, seeded from the context's seed right
 * before the block is initialised, inside {@link Torch#call} (one native task at a time, with the
 * context's thread count). The same data, seed and thread count give bit-identical weights.
 *
 * <p>Cost: {@code epochs × n / batchSize} optimiser steps, each one forward and backward pass of a
 * mini-batch; memory is the network, the optimiser's two moments per weight (Adam), one batch of
 * activations, and one copy of the best weights.
 */
public final class Training {

    private static final Logger LOG = LoggerFactory.getLogger(Training.class);

    private Training() {
    }

    /**
     * The trained weights and the loss history.
     *
     * @param weights the selected weights (the epoch with the lowest validation loss; the last epoch
     *        without a validation split or with {@link TrainConfig#keepBest()} false), under the requested prefix
     * @param epochsRun epochs run before stopping
     * @param bestEpoch the 0-based epoch whose weights were kept
     * @param trainLoss mean training loss per epoch run
     * @param validationLoss mean validation loss per epoch run (empty without a split)
     */
    public record Result(Map<String, Tensor> weights, int epochsRun, int bestEpoch, double[] trainLoss, double[] validationLoss) {
    }

    /**
     * Trains a freshly initialised network.
     *
     * @param task a name for progress and messages ("autoencoder")
     * @param factory builds the (uninitialised) block
     * @param inputShapes the shapes of one input batch
     * @param samples number of training samples (indices 0..samples-1 handed to the objective)
     * @param objective batch inputs and loss
     * @param config optimiser, schedule, batch size, validation split
     * @param prefix name prefix of the returned weight tensors
     * @param ctx seed, threads, progress, cancellation
     * @throws IllegalArgumentException when there are too few samples for a training batch
     * @throws IllegalStateException when a batch loss, a validation loss or a returned weight is NaN or infinite (training
     *         diverged); the message names the task, the epoch and the value
     */
    public static Result fit(String task, Supplier<Block> factory, Shape[] inputShapes, int samples, Objective objective,
            TrainConfig config, String prefix, Context ctx) {
        return fit(task, factory, inputShapes, samples, (block, manager) -> objective, config, prefix, ctx);
    }

    /** Makes the objective once the block is initialised (e.g. Deep SVDD's centre from a first forward pass). */
    @FunctionalInterface
    public interface ObjectiveFactory {
        /**
         * @param block the initialised, untrained block
         * @param forward a forward pass in evaluation mode
         */
        Objective create(Block block, java.util.function.Function<NDList, NDList> forward);
    }

    /**
     * Trains a freshly initialised network whose objective depends on the initial weights.
     *
     * @see #fit(String, Supplier, Shape[], int, Objective, TrainConfig, String, Context)
     */
    public static Result fit(String task, Supplier<Block> factory, Shape[] inputShapes, int samples, ObjectiveFactory objectives,
            TrainConfig config, String prefix, Context ctx) {
        if (samples < 2) {
            throw new IllegalArgumentException(task + " needs at least 2 training samples, got " + samples);
        }
        int[] order = config.validationSplit() == TrainConfig.ValidationSplit.LAST
                ? lastFirst(samples, config.validationCount(samples))
                : permutation(samples, ctx.random(0x7472_6169_6eL));
        int nVal = config.validationCount(samples);
        if (samples - nVal < 2) {
            throw new IllegalArgumentException(task + " needs at least 2 training samples after holding out " + nVal
                    + " for validation, got " + samples);
        }
        int[] val = Arrays.copyOfRange(order, 0, nVal);
        int[] train = Arrays.copyOfRange(order, nVal, samples);
        Arrays.sort(val);
        Arrays.sort(train);
        SplittableRandom shuffle = ctx.random(0x7368_7566L);
        long seed = ctx.random(0x696e_6974L).nextLong();
        int stepsPerEpoch = batches(train.length, config.batchSize());
        return Torch.call(ctx, () -> {
            Torch.seed(seed);
            Block block = factory.get();
            Tracker lr = update -> (float) config.learningRateAt(Math.max(0, update - 1) / stepsPerEpoch);
            Optimizer opt = switch (config.optimizer()) {
                case ADAM -> Optimizer.adam().optLearningRateTracker(lr).optEpsilon((float) config.adamEpsilon())
                        .optWeightDecays((float) config.weightDecay()).build();
                case SGD -> Optimizer.sgd().setLearningRateTracker(lr).optWeightDecays((float) config.weightDecay()).build();
            };
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(opt).optDevices(new Device[] {Device.cpu()});
            ctx.progress().start(task, config.epochs());
            try (Model model = Model.newInstance(task, Device.cpu(), Torch.ENGINE)) {
                model.setBlock(block);
                try (Trainer trainer = model.newTrainer(tc)) {
                    trainer.initialize(inputShapes);
                    Objective objective = objectives.create(block, trainer::evaluate);
                    return loop(task, block, trainer, objective, config, train, val, shuffle, prefix, ctx);
                }
            } finally {
                ctx.progress().done();
            }
        });
    }

    private static Result loop(String task, Block block, Trainer trainer, Objective objective, TrainConfig config, int[] train, int[] val,
            SplittableRandom shuffle, String prefix, Context ctx) {
        double[] trainLoss = new double[config.epochs()];
        double[] valLoss = new double[val.length > 0 ? config.epochs() : 0];
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        int sinceBest = 0;
        Map<String, Tensor> bestWeights = null;
        int epoch = 0;
        for (; epoch < config.epochs(); epoch++) {
            int[] perm = train.clone();
            if (config.shuffle()) {
                shuffleInPlace(perm, shuffle);
            }
            double sum = 0;
            for (int[] rows : split(perm, config.batchSize())) {
                ctx.checkCancelled();
                try (NDManager bm = trainer.getManager().newSubManager()) {
                    NDList in = objective.inputs(bm, rows);
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDList out = trainer.forward(in);
                        NDArray loss = objective.loss(bm, out, rows);
                        double v = loss.getFloat();
                        requireFinite(task, epoch + 1, "batch loss", v);
                        gc.backward(loss);
                        sum += v * rows.length;
                    }
                    trainer.step();
                }
            }
            trainLoss[epoch] = sum / train.length;
            if (val.length > 0) {
                valLoss[epoch] = evaluate(trainer, objective, val, config.batchSize(), ctx);
                requireFinite(task, epoch + 1, "validation loss", valLoss[epoch]);
                if (valLoss[epoch] < best) {
                    best = valLoss[epoch];
                    bestEpoch = epoch;
                    bestWeights = config.keepBest() ? Weights.of(block, prefix) : null;
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
            }
            LOG.debug("{} epoch {}: train loss {} validation loss {}", task, epoch + 1, trainLoss[epoch],
                    val.length > 0 ? valLoss[epoch] : "-");
            ctx.progress().advance(1);
            if (val.length > 0 && config.patience() > 0 && sinceBest >= config.patience()) {
                epoch++;
                break;
            }
        }
        if (bestWeights == null || !config.keepBest()) {
            bestWeights = Weights.of(block, prefix);
            bestEpoch = epoch - 1;
        }
        requireFinite(task, bestEpoch + 1, bestWeights);
        return new Result(bestWeights, epoch, bestEpoch, Arrays.copyOf(trainLoss, epoch), Arrays.copyOf(valLoss, val.length > 0 ? epoch : 0));
    }

    private static double evaluate(Trainer trainer, Objective objective, int[] rows, int batchSize, Context ctx) {
        double sum = 0;
        for (int[] b : split(rows, batchSize)) {
            ctx.checkCancelled();
            try (NDManager bm = trainer.getManager().newSubManager()) {
                NDList out = trainer.evaluate(objective.inputs(bm, b));
                sum += objective.loss(bm, out, b).getFloat() * b.length;
            }
        }
        return sum / rows.length;
    }

    /**
     * The guard every training loop runs on its losses: a NaN or infinite value stops training.
     *
     * @param task the method's name
     * @param epoch the 1-based epoch
     * @param what which value ("batch loss", "validation loss", "gradient norm of wq.w")
     * @throws IllegalStateException naming the method, the epoch and the value, when {@code value} is not finite
     */
    public static void requireFinite(String task, int epoch, String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException(task + ": training diverged in epoch " + epoch + " (" + what + " " + value
                    + "); check the data for extreme values or lower the learning rate");
        }
    }

    /**
     * The guard on float32 weights about to be returned: a step after the last finite loss may still have broken them.
     *
     * @throws IllegalStateException naming the method, the epoch and the first non-finite weight tensor
     */
    public static void requireFinite(String task, int epoch, Map<String, Tensor> weights) {
        for (Map.Entry<String, Tensor> e : weights.entrySet()) {
            for (float f : e.getValue().floats()) {
                if (!Float.isFinite(f)) {
                    throw new IllegalStateException(task + ": training diverged in epoch " + epoch + " (weight " + e.getKey() + " is " + f
                            + "); check the data for extreme values or lower the learning rate");
                }
            }
        }
    }

    /** Number of mini-batches of {@link #split}. */
    static int batches(int n, int batchSize) {
        int b = (n + batchSize - 1) / batchSize;
        return b > 1 && n % batchSize == 1 ? b - 1 : b;
    }

    /**
     * Consecutive mini-batches; a last batch of one sample joins the one before it (batch normalisation
     * cannot train on a single sample).
     */
    static int[][] split(int[] rows, int batchSize) {
        int b = batches(rows.length, batchSize);
        int[][] out = new int[b][];
        for (int i = 0; i < b; i++) {
            int from = i * batchSize;
            int to = i == b - 1 ? rows.length : from + batchSize;
            out[i] = Arrays.copyOfRange(rows, from, to);
        }
        return out;
    }

    /** The last {@code nVal} indices (in order), then the others (in order): the split of Keras' validation_split. */
    static int[] lastFirst(int n, int nVal) {
        int[] p = new int[n];
        for (int i = 0; i < nVal; i++) {
            p[i] = n - nVal + i;
        }
        for (int i = nVal; i < n; i++) {
            p[i] = i - nVal;
        }
        return p;
    }

    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffleInPlace(p, rng);
        return p;
    }

    private static void shuffleInPlace(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}

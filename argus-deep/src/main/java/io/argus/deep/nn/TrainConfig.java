package io.argus.deep.nn;

import io.argus.core.params.Params;

/**
 * How a network is trained: mini-batch size, optimiser, learning rate and its step schedule, weight
 * decay, and early stopping with model selection on a validation split of the training data.
 *
 * <p>The validation split is drawn from the training data only (seeded), so model selection never sees
 * test data or labels. With {@code validationFraction = 0} there is no early stopping and the weights of
 * the last epoch are kept.
 *
 * @param epochs maximum number of passes over the training split
 * @param batchSize rows per mini-batch
 * @param learningRate initial learning rate
 * @param optimizer Adam or plain SGD
 * @param weightDecay L2 penalty added to the gradient (PyTorch's {@code weight_decay})
 * @param lrDecayEvery multiply the learning rate by {@code lrDecayFactor} every this many epochs (0: constant rate)
 * @param lrDecayFactor the step schedule's factor, in (0, 1]
 * @param validationFraction share of the training rows held out for early stopping and model selection
 * @param patience stop after this many epochs without a better validation loss (0: never stop early)
 * @param validationSplit which training samples are held out: a seeded random subset, or the last ones in
 *        sample order (Keras' {@code validation_split}, which takes the last share of the arrays unshuffled)
 * @param keepBest return the weights of the epoch with the lowest validation loss ({@code true}), or those
 *        of the last epoch run (Keras' {@code EarlyStopping} without {@code restore_best_weights})
 * @param shuffle reshuffle the training samples every epoch ({@code false}: fixed sample order, Keras'
 *        {@code shuffle=False})
 * @param adamEpsilon Adam's epsilon (1e-8 as in PyTorch and the paper; Keras uses 1e-7)
 */
public record TrainConfig(int epochs, int batchSize, double learningRate, Optimizer optimizer, double weightDecay,
        int lrDecayEvery, double lrDecayFactor, double validationFraction, int patience, ValidationSplit validationSplit,
        boolean keepBest, boolean shuffle, double adamEpsilon) {

    /** Adam's epsilon in Kingma and Ba's paper and in PyTorch. */
    public static final double ADAM_EPSILON_DEFAULT = 1e-8;
    /** Adam's epsilon in Keras ({@code tf.keras.optimizers.Adam}). */
    public static final double ADAM_EPSILON_KERAS = 1e-7;

    /** How the validation samples are chosen. */
    public enum ValidationSplit {
        /** A seeded random subset of {@code floor(n · fraction)} samples. */
        RANDOM,
        /**
         * The last {@code n - floor(n · (1 - fraction))} samples in index order, as Keras'
         * {@code validation_split} (for windows of a series: the latest windows).
         */
        LAST
    }

    /** The optimisers offered. */
    public enum Optimizer {
        /** Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015 (beta 0.9 / 0.999, eps 1e-8). */
        ADAM,
        /** Plain stochastic gradient descent. */
        SGD
    }

    public TrainConfig {
        Params.checkRange("epochs", epochs, 1, 100_000);
        Params.checkRange("batchSize", batchSize, 1, 1 << 20);
        Params.checkRange("learningRate", learningRate, 1e-12, 10);
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must be ADAM or SGD, got null");
        }
        Params.checkRange("weightDecay", weightDecay, 0, 10);
        Params.checkRange("lrDecayEvery", lrDecayEvery, 0, 100_000);
        if (!(lrDecayFactor > 0 && lrDecayFactor <= 1)) {
            throw new IllegalArgumentException("lrDecayFactor = " + lrDecayFactor + " must be in (0, 1]");
        }
        Params.checkRange("validationFraction", validationFraction, 0, 0.5);
        Params.checkRange("patience", patience, 0, 100_000);
        if (validationSplit == null) {
            throw new IllegalArgumentException("validationSplit must be RANDOM or LAST, got null");
        }
        if (!(adamEpsilon > 0 && adamEpsilon <= 1)) {
            throw new IllegalArgumentException("adamEpsilon = " + adamEpsilon + " must be in (0, 1]");
        }
    }

    /**
     * A random validation split, the best validation epoch's weights, shuffled batches and Adam's usual
     * epsilon: the behaviour before the Keras-style options existed.
     */
    public TrainConfig(int epochs, int batchSize, double learningRate, Optimizer optimizer, double weightDecay, int lrDecayEvery,
            double lrDecayFactor, double validationFraction, int patience) {
        this(epochs, batchSize, learningRate, optimizer, weightDecay, lrDecayEvery, lrDecayFactor, validationFraction, patience,
                ValidationSplit.RANDOM, true, true, ADAM_EPSILON_DEFAULT);
    }

    /**
     * The same trained as Keras' {@code model.fit(validation_split=f, shuffle=s, callbacks=[EarlyStopping(patience=p)])}:
     * the last share of the samples validates, training ends with the weights of the last epoch run, and
     * Adam uses Keras' epsilon.
     */
    public TrainConfig keras(double fraction, int newPatience, boolean shuffleBatches) {
        return new TrainConfig(epochs, batchSize, learningRate, optimizer, weightDecay, lrDecayEvery, lrDecayFactor, fraction, newPatience,
                ValidationSplit.LAST, false, shuffleBatches, ADAM_EPSILON_KERAS);
    }

    /** Number of samples held out for validation out of {@code samples}. */
    public int validationCount(int samples) {
        if (validationFraction == 0) {
            return 0;
        }
        int n = switch (validationSplit) {
            case RANDOM -> (int) Math.floor(samples * validationFraction);
            case LAST -> samples - (int) Math.floor(samples * (1 - validationFraction));
        };
        return Math.max(1, n);
    }

    /** Adam with a constant rate and no validation split. */
    public static TrainConfig adam(int epochs, int batchSize, double learningRate, double weightDecay) {
        return new TrainConfig(epochs, batchSize, learningRate, Optimizer.ADAM, weightDecay, 0, 1.0, 0.0, 0);
    }

    /** The same with early stopping on a validation split. */
    public TrainConfig withValidation(double fraction, int newPatience) {
        return new TrainConfig(epochs, batchSize, learningRate, optimizer, weightDecay, lrDecayEvery, lrDecayFactor, fraction, newPatience,
                validationSplit, keepBest, shuffle, adamEpsilon);
    }

    /** The same with a step learning-rate schedule. */
    public TrainConfig withStepDecay(int every, double factor) {
        return new TrainConfig(epochs, batchSize, learningRate, optimizer, weightDecay, every, factor, validationFraction, patience,
                validationSplit, keepBest, shuffle, adamEpsilon);
    }

    /** The same with another number of epochs. */
    public TrainConfig withEpochs(int newEpochs) {
        return new TrainConfig(newEpochs, batchSize, learningRate, optimizer, weightDecay, lrDecayEvery, lrDecayFactor, validationFraction,
                patience, validationSplit, keepBest, shuffle, adamEpsilon);
    }

    /** The learning rate in a 0-based epoch under the step schedule. */
    public double learningRateAt(int epoch) {
        if (lrDecayEvery == 0) {
            return learningRate;
        }
        return learningRate * Math.pow(lrDecayFactor, epoch / lrDecayEvery);
    }
}

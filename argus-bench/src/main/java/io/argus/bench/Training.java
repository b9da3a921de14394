package io.argus.bench;

import io.argus.core.Argus;
import io.argus.core.Context;
import io.argus.core.Fit;
import io.argus.core.Model;
import io.argus.core.data.Fingerprints;
import io.argus.core.data.Table;
import io.argus.core.model.Provenance;
import io.argus.core.model.SavedModel;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.Params;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Threshold;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Fits a table method and packs what a model file holds: model, calibration from the in-sample training
 * scores, threshold and provenance. The CLI, the server and the demo fit through here.
 */
public final class Training {

    /**
     * The result of fitting: the model to save and the in-sample training scores.
     *
     * @param saved what the model file holds
     * @param trainingScores in-sample scores of the training rows
     * @param fit timings and model
     */
    public record Result(SavedModel<Table> saved, double[] trainingScores, Fit<Table> fit) {
    }

    private Training() {
    }

    /**
     * Fits {@code provider} with parameters parsed from {@code paramText} over its defaults.
     *
     * @param validation held-out rows for a threshold rule that needs them, or null
     */
    public static <P extends Record> Result fit(MethodProvider<Table, P> provider, Map<String, String> paramText, Table train,
            Table validation, ThresholdRule rule, Context ctx) {
        P params = Params.parse(provider.paramsType(), provider.defaults(), paramText, provider.name());
        Table features = train.withoutLabels();
        Fit<Table> fit = provider.detector(params).fitScore(features, ctx);
        double[] scores = fit.trainingScores().values();
        double[] validationScores = null;
        int[] validationLabels = null;
        if (rule.needsValidation()) {
            if (validation == null) {
                rule.choose(scores, null, null); // throws the rule's own message
            }
            validationScores = fit.model().score(validation.withoutLabels(), ctx).values();
            validationLabels = validation.labels().orElse(null);
        }
        Threshold threshold = rule.choose(scores, validationScores, validationLabels);
        Provenance provenance = new Provenance(Fingerprints.of(features), train.source().orElse(""), train.rows(), train.cols(),
                Argus.version(), ctx.seed(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Model<Table> model = fit.model();
        SavedModel<Table> saved = new SavedModel<>(provider, params, model, Calibration.fit(scores), threshold, provenance);
        return new Result(saved, scores, fit);
    }
}

package io.argus.core.model;

import io.argus.core.Model;
import io.argus.core.data.Dataset;
import io.argus.core.params.MethodProvider;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Threshold;
import java.util.Objects;

/**
 * Everything a model file holds: the fitted model, the method and parameters that made it, the
 * calibration and decision threshold derived from its training scores, and its provenance.
 *
 * @param provider the method
 * @param params the method's parameter record
 * @param model the fitted model
 * @param calibration maps raw scores to [0, 1]
 * @param threshold flags anomalies on raw scores
 * @param provenance where it came from
 */
public record SavedModel<D extends Dataset>(MethodProvider<D, ?> provider, Record params, Model<D> model,
        Calibration calibration, Threshold threshold, Provenance provenance) {

    public SavedModel {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(provenance, "provenance");
        if (!provider.paramsType().isInstance(params)) {
            throw new IllegalArgumentException("parameters " + params.getClass().getName() + " are not " + provider.name() + "'s");
        }
    }

    /** The method's registry name. */
    public String method() {
        return provider.name();
    }
}

package io.argus.core;

/**
 * Where inside each scored unit an anomaly lies: a score per pixel of an image, per step and channel of
 * a series, per node, per token span. Each modality defines its own kind; this interface only names
 * the family, so that front ends can tell that scores carry localization.
 */
public interface Localization {

    /** A short name of the kind of localization ("pixel-map", "step-channel", ...). */
    String kind();
}

package io.argus.timeseries.stream;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/**
 * The method providers of the online detectors: each is registered with modality "series" and runs as
 * a batch detector through {@link StreamingSeriesDetector} (fit = learn the training steps, score =
 * score-then-learn over the scored steps).
 */
public final class StreamProviders {

    private StreamProviders() {
    }

    /** Shared body: a provider is a name, a paper, a parameter record and a factory of online detectors. */
    abstract static class Base<P extends Record> extends BaseMethodProvider<Series, P> {
        Base(String name, String summary, Reference paper, Class<P> type, P defaults, boolean deterministic) {
            super(name, "series", Series.class, summary, paper, type, defaults, deterministic);
        }

        abstract OnlineFactory factory(P params);

        /** The method's own label-free decision threshold, NaN when it has none. */
        double decisionThreshold(P params) {
            return Double.NaN;
        }

        @Override
        public final Detector<Series> detector(P params) {
            return new StreamingSeriesDetector(name(), factory(params), decisionThreshold(params));
        }

        @Override
        public final Model<Series> restore(P params, Map<String, Tensor> state) {
            return StreamingSeriesDetector.restore(name(), factory(params), state);
        }
    }

    /** {@code ewma}: the online z-score / EWMA baseline. */
    public static final class EwmaProvider extends Base<EwmaParams> {
        public EwmaProvider() {
            super("ewma", "online z-score: distance to an exponentially weighted mean in weighted standard deviations, per channel",
                    new Reference("Lucas, Saccucci", "Exponentially Weighted Moving Average Control Schemes: Properties and Enhancements",
                            "Technometrics", 1990),
                    EwmaParams.class, EwmaParams.DEFAULTS, true);
        }

        @Override
        OnlineFactory factory(EwmaParams params) {
            return (channels, seed) -> new Ewma(params, channels);
        }
    }

    /** {@code hotelling}: streaming Hotelling T², the channel-dependent online baseline. */
    public static final class HotellingProvider extends Base<HotellingParams> {
        public HotellingProvider() {
            super("hotelling", "streaming Hotelling T²: Mahalanobis distance of each step to the running mean and covariance (channel-dependent)",
                    new Reference("Hotelling", "Multivariate Quality Control", "Techniques of Statistical Analysis, McGraw-Hill", 1947),
                    HotellingParams.class, HotellingParams.DEFAULTS, true);
        }

        @Override
        OnlineFactory factory(HotellingParams params) {
            return (channels, seed) -> new Hotelling(params, channels);
        }
    }

    /** {@code rcf}: AWS Random Cut Forest. */
    public static final class RcfProvider extends Base<RcfParams> {
        public RcfProvider() {
            super("rcf", "Random Cut Forest (AWS randomcutforest-core 4.4.0) over shingled steps, streaming score-then-learn",
                    new Reference("Guha, Mishra, Roy, Schrijvers", "Robust Random Cut Forest Based Anomaly Detection on Streams", "ICML", 2016),
                    RcfParams.class, RcfParams.DEFAULTS, false);
        }

        @Override
        OnlineFactory factory(RcfParams params) {
            return (channels, seed) -> new Rcf(params, channels, seed);
        }
    }

    /** {@code trcf}: Random Cut Forest with AWS's streaming thresholder. */
    public static final class ThresholdedRcfProvider extends Base<ThresholdedRcfParams> {
        public ThresholdedRcfProvider() {
            super("trcf", "Thresholded Random Cut Forest (AWS parkservices 4.4.0): anomaly grade from a label-free streaming threshold",
                    new Reference("Guha, Mishra, Roy, Schrijvers", "Robust Random Cut Forest Based Anomaly Detection on Streams", "ICML", 2016),
                    ThresholdedRcfParams.class, ThresholdedRcfParams.DEFAULTS, false);
        }

        @Override
        OnlineFactory factory(ThresholdedRcfParams params) {
            return (channels, seed) -> new ThresholdedRcf(params, channels, seed);
        }

        /** A step is flagged when its grade is positive (the smallest positive double as a threshold). */
        @Override
        double decisionThreshold(ThresholdedRcfParams params) {
            return params.output() == ThresholdedRcfParams.Output.GRADE ? Double.MIN_VALUE : Double.NaN;
        }
    }

    /** {@code knn-cad}: conformal kNN anomaly detection. */
    public static final class KnnCadProvider extends Base<KnnCadParams> {
        public KnnCadProvider() {
            super("knn-cad", "KNN-CAD: conformal p-value of the summed k-NN distances of lagged windows (NAB's KNN-CAD detector)",
                    new Reference("Burnaev, Ishimtsev", "Conformalized density- and distance-based anomaly detection in time-series data",
                            "arXiv:1608.04585", 2016),
                    KnnCadParams.class, KnnCadParams.DEFAULTS, true);
        }

        @Override
        OnlineFactory factory(KnnCadParams params) {
            return (channels, seed) -> new KnnCad(params, channels);
        }

        /** KNN-CAD's alert level. */
        @Override
        double decisionThreshold(KnnCadParams params) {
            return params.alertThreshold();
        }
    }

    /** {@code stream-discords}: the left matrix profile over a bounded history. */
    public static final class StreamingDiscordsProvider extends Base<StreamingDiscordsParams> {
        public StreamingDiscordsProvider() {
            super("stream-discords", "streaming matrix-profile discords: distance of each new subsequence to its nearest past one",
                    new Reference("Yeh, Zhu, Ulanova, Begum, Ding, Dau, Silva, Mueen, Keogh",
                            "Matrix Profile I: All Pairs Similarity Joins for Time Series", "IEEE ICDM", 2016),
                    StreamingDiscordsParams.class, StreamingDiscordsParams.DEFAULTS, true);
        }

        @Override
        OnlineFactory factory(StreamingDiscordsParams params) {
            return (channels, seed) -> new StreamingDiscords(params, channels);
        }
    }
}

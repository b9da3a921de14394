package io.argus.bench.vision;

import io.argus.bench.Suite;
import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Dataset;
import io.argus.metrics.BinaryMetrics;
import io.argus.metrics.pixel.AnomalyMap;
import io.argus.metrics.pixel.GroundTruthMask;
import io.argus.metrics.pixel.PixelEvaluation;
import io.argus.metrics.pixel.PixelMetrics;
import io.argus.vision.PixelMaps;
import io.argus.vision.data.ImageFiles;
import io.argus.vision.data.ImageRef;
import io.argus.vision.data.ImageSet;
import io.argus.vision.data.Split;
import io.argus.vision.methods.musc.Musc;
import io.argus.vision.methods.patchcore.PatchCoreModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The protocol shared by the image suites: fit on the category's normal training images (a zero-shot
 * method such as MuSc is fitted on no image at all), score the test images with their labels and masks
 * removed, and evaluate.
 *
 * <p>Columns: {@code image_auroc} and {@code image_ap} of the image scores; when the method gives maps
 * and the category has masks, {@code pixel_auroc}, {@code aupro} (up to FPR 0.3, {@link PixelMetrics#aupro})
 * and {@code f1_max}, the best pixel-level F1 over thresholds (ADer's {@code mF1_max_px}); empty
 * otherwise. {@code ms_per_image} is the scoring wall time per test image (decode, backbone, scoring,
 * map at original resolution), {@code bank_size} PatchCore's memory-bank patches.
 */
abstract class ImageSuite implements Suite<Split> {

    static final List<String> METRICS = List.of("image_auroc", "image_ap", "pixel_auroc", "aupro", "f1_max", "ms_per_image", "bank_size");

    @Override
    public List<String> metrics() {
        return METRICS;
    }

    @Override
    public Class<? extends Dataset> dataType() {
        return ImageSet.class;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Outcome run(Split data, Detector<?> detector, Context ctx) {
        Detector<ImageSet> d = (Detector<ImageSet>) detector;
        ImageSet train = d instanceof Musc ? new ImageSet(data.name() + "/none", List.of()) : data.train();
        long t0 = System.nanoTime();
        Model<ImageSet> model = d.fit(train, ctx);
        long t1 = System.nanoTime();
        ImageSet test = data.test();
        Scores s = model.score(test.withoutLabels(), ctx);
        long t2 = System.nanoTime();
        int n = test.size();
        int[] labels = test.images().stream().mapToInt(ImageRef::label).toArray();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("image_auroc", BinaryMetrics.auroc(s.values(), labels));
        m.put("image_ap", BinaryMetrics.averagePrecision(s.values(), labels));
        if (s.localization().isPresent() && data.hasMasks()) {
            List<AnomalyMap> maps = ((PixelMaps) s.localization().get()).maps();
            PixelEvaluation e = PixelMetrics.evaluate(maps, masks(test, maps));
            m.put("pixel_auroc", e.pixelAuroc());
            m.put("aupro", e.aupro());
            m.put("f1_max", e.pixelF1Max());
        }
        m.put("ms_per_image", (t2 - t1) / 1e6 / n);
        if (model instanceof PatchCoreModel pc) {
            m.put("bank_size", (double) pc.bankSize());
        }
        return new Outcome(n, (t1 - t0) / 1e9, (t2 - t1) / 1e9, m);
    }

    /** The ground-truth masks, all-normal for images without one; a mask of the wrong size is an error naming it. */
    static List<GroundTruthMask> masks(ImageSet test, List<AnomalyMap> maps) {
        List<GroundTruthMask> out = new ArrayList<>(test.size());
        for (int i = 0; i < test.size(); i++) {
            ImageRef r = test.get(i);
            AnomalyMap map = maps.get(i);
            out.add(r.mask() == null ? ImageFiles.emptyMask(map.width(), map.height()) : ImageFiles.readMask(r.mask(), map.width(), map.height()));
        }
        return out;
    }
}

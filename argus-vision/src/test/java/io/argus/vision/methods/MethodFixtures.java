package io.argus.vision.methods;

import io.argus.core.Scores;
import io.argus.metrics.BinaryMetrics;
import io.argus.metrics.pixel.AnomalyMap;
import io.argus.metrics.pixel.GroundTruthMask;
import io.argus.metrics.pixel.PixelMetrics;
import io.argus.vision.PixelMaps;
import io.argus.vision.data.ImageFiles;
import io.argus.vision.data.ImageRef;
import io.argus.vision.data.ImageSet;
import java.util.ArrayList;
import java.util.List;

/** Evaluation helpers of the method tests. */
public final class MethodFixtures {

    private MethodFixtures() {
    }

    /** The test set's labels. */
    public static int[] labels(ImageSet test) {
        return test.images().stream().mapToInt(ImageRef::label).toArray();
    }

    /** Image AUROC of scores against the set's labels. */
    public static double imageAuroc(Scores s, ImageSet test) {
        return BinaryMetrics.auroc(s.values(), labels(test));
    }

    /** Pixel AUROC of the scores' maps against the set's masks. */
    public static double pixelAuroc(Scores s, ImageSet test) {
        List<AnomalyMap> maps = ((PixelMaps) s.localization().orElseThrow()).maps();
        return PixelMetrics.pixelAuroc(maps, masks(test, maps));
    }

    /** The ground-truth masks (all-normal for images without one). */
    public static List<GroundTruthMask> masks(ImageSet test, List<AnomalyMap> maps) {
        List<GroundTruthMask> out = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            AnomalyMap m = maps.get(i);
            ImageRef r = test.get(i);
            out.add(r.mask() == null ? ImageFiles.emptyMask(m.width(), m.height()) : ImageFiles.readMask(r.mask(), m.width(), m.height()));
        }
        return out;
    }
}

package io.argus.vision;

import io.argus.core.Localization;
import io.argus.metrics.pixel.AnomalyMap;
import java.util.List;

/**
 * Localization of image scores: one anomaly map per scored image, at the image's original resolution,
 * higher = more anomalous.
 *
 * @param maps one map per image, in the order of the scored set
 */
public record PixelMaps(List<AnomalyMap> maps) implements Localization {

    /** Copies the list. */
    public PixelMaps {
        maps = List.copyOf(maps);
    }

    @Override
    public String kind() {
        return "pixel-map";
    }
}

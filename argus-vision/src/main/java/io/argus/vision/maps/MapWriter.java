package io.argus.vision.maps;

import io.argus.metrics.pixel.AnomalyMap;
import io.argus.vision.data.ImageFiles;
import io.argus.vision.data.ImageSet;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the pictures of a scored image set into a folder: for image {@code ID}, {@code ID_overlay.png}
 * (the heat map over the image, one colour scale for the whole set, from its smallest to its largest
 * map value) and, when a threshold is given, {@code ID_mask.png} (255 where the map reaches it). Every
 * file is written atomically; ids with '/' (MVTec's {@code TYPE/NAME}) become subfolders.
 */
public final class MapWriter {

    private MapWriter() {
    }

    /**
     * Writes the pictures; returns the number of files written.
     *
     * @param threshold the mask threshold, or NaN for overlays only
     */
    public static int write(Path dir, ImageSet set, List<AnomalyMap> maps, double threshold) {
        if (maps.size() != set.size()) {
            throw new IllegalArgumentException(set.size() + " images but " + maps.size() + " maps");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (AnomalyMap m : maps) {
            for (float v : m.values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        int files = 0;
        for (int i = 0; i < set.size(); i++) {
            String id = set.get(i).id();
            BufferedImage img = ImageFiles.read(set.get(i).file());
            MapImages.writePng(dir.resolve(id + "_overlay.png"), MapImages.overlay(img, maps.get(i), lo, hi));
            files++;
            if (!Double.isNaN(threshold)) {
                MapImages.writePng(dir.resolve(id + "_mask.png"), MapImages.mask(maps.get(i), threshold));
                files++;
            }
        }
        return files;
    }
}

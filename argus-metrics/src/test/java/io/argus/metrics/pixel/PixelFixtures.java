package io.argus.metrics.pixel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random anomaly maps with blob-shaped masks, for tests and the JMH benchmarks. */
public final class PixelFixtures {

    /** Maps and masks of one data set. */
    public record Case(List<AnomalyMap> maps, List<GroundTruthMask> masks) {
    }

    private PixelFixtures() {
    }

    /**
     * {@code images} maps of {@code width × height}: each mask holds 0–3 filled ellipses (radii 1 to a sixth
     * of the side, so tiny and large regions, some touching); scores are uniform noise plus a bump of random
     * strength inside each image's anomalies, rounded to {@code levels} values when {@code levels > 0} (ties).
     */
    public static Case blobs(long seed, int images, int width, int height, int levels) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<AnomalyMap> maps = new ArrayList<>(images);
        List<GroundTruthMask> masks = new ArrayList<>(images);
        int maxR = Math.max(1, Math.min(width, height) / 6);
        for (int i = 0; i < images; i++) {
            boolean[] m = new boolean[width * height];
            int blobs = rnd.nextInt(4);
            for (int b = 0; b < blobs; b++) {
                int cx = rnd.nextInt(width);
                int cy = rnd.nextInt(height);
                int rx = 1 + rnd.nextInt(maxR);
                int ry = 1 + rnd.nextInt(maxR);
                for (int y = Math.max(0, cy - ry); y <= Math.min(height - 1, cy + ry); y++) {
                    for (int x = Math.max(0, cx - rx); x <= Math.min(width - 1, cx + rx); x++) {
                        double dx = (double) (x - cx) / rx;
                        double dy = (double) (y - cy) / ry;
                        if (dx * dx + dy * dy <= 1.0) {
                            m[y * width + x] = true;
                        }
                    }
                }
            }
            float bump = (float) (rnd.nextDouble() * 1.2);
            float[] v = new float[width * height];
            for (int p = 0; p < v.length; p++) {
                float s = rnd.nextFloat() + (m[p] ? bump * rnd.nextFloat() + 0.2f * bump : 0f);
                v[p] = levels > 0 ? Math.round(s * levels) / (float) levels : s;
            }
            maps.add(new AnomalyMap(width, height, v));
            masks.add(new GroundTruthMask(width, height, m));
        }
        return new Case(maps, masks);
    }

    /** Random speckle masks (each pixel anomalous with probability {@code p}): many tiny, diagonally touching regions. */
    public static Case speckles(long seed, int images, int width, int height, double p, int levels) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<AnomalyMap> maps = new ArrayList<>();
        List<GroundTruthMask> masks = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            boolean[] m = new boolean[width * height];
            float[] v = new float[width * height];
            for (int q = 0; q < v.length; q++) {
                m[q] = rnd.nextDouble() < p;
                float s = rnd.nextFloat() + (m[q] ? 0.5f * rnd.nextFloat() : 0f);
                v[q] = levels > 0 ? Math.round(s * levels) / (float) levels : s;
            }
            maps.add(new AnomalyMap(width, height, v));
            masks.add(new GroundTruthMask(width, height, m));
        }
        return new Case(maps, masks);
    }
}

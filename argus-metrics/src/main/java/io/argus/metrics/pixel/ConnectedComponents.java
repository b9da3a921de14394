package io.argus.metrics.pixel;

import java.util.Arrays;

/**
 * Connected-component labelling of a binary mask (the regions of AUPRO). An iterative flood fill with an
 * explicit stack, so that one region may cover the whole image without a deep call stack. Pixels are
 * visited in row-major order, so regions are numbered by their first pixel in that order, as
 * {@code skimage.measure.label} numbers them. O(width·height) time and memory.
 */
public final class ConnectedComponents {

    /** Which neighbours join a region. */
    public enum Connectivity {
        /** Edge neighbours only (up, down, left, right). */
        FOUR,
        /** Edge and corner neighbours: diagonally touching pixels are one region (skimage's 2-D default, OpenCV's 8). */
        EIGHT
    }

    /**
     * The regions of one mask.
     *
     * @param count  number of regions
     * @param labels per pixel, 0 for background and 1..count for the region holding it
     * @param sizes  {@code sizes[r]} = pixels of region r, for r in 1..count ({@code sizes[0]} is 0)
     */
    public record Labels(int count, int[] labels, int[] sizes) {
    }

    // Reusable scratch space, so that labelling many masks of one size allocates once; one instance per thread.
    private int[] labels = new int[0];
    private int[] stack = new int[0];
    private int[] sizes = new int[16];

    ConnectedComponents() {
    }

    /** Labels the {@code true} pixels of a row-major {@code width × height} mask. */
    public static Labels label(boolean[] mask, int width, int height, Connectivity connectivity) {
        AnomalyMap.checkShape("mask", width, height, mask == null ? -1 : mask.length);
        ConnectedComponents cc = new ConnectedComponents();
        int count = cc.run(mask, width, height, connectivity == Connectivity.EIGHT);
        return new Labels(count, Arrays.copyOf(cc.labels, mask.length), Arrays.copyOf(cc.sizes, count + 1));
    }

    /** Labels into the scratch arrays; returns the region count. Afterwards {@link #labels()} and {@link #sizes()} hold the result. */
    int run(boolean[] mask, int width, int height, boolean eight) {
        int n = mask.length;
        if (labels.length < n) {
            labels = new int[n];
            stack = new int[n];
        } else {
            Arrays.fill(labels, 0, n, 0);
        }
        int[] lab = labels;
        int[] st = stack;
        int count = 0;
        for (int start = 0; start < n; start++) {
            if (!mask[start] || lab[start] != 0) {
                continue;
            }
            int r = ++count;
            int size = 0;
            int top = 0;
            st[top++] = start;
            lab[start] = r;
            // Each pixel is pushed once (labelled when pushed), so the stack never exceeds n.
            while (top > 0) {
                int p = st[--top];
                size++;
                int y = p / width;
                int x = p - y * width;
                int y0 = y > 0 ? y - 1 : y;
                int y1 = y < height - 1 ? y + 1 : y;
                int x0 = x > 0 ? x - 1 : x;
                int x1 = x < width - 1 ? x + 1 : x;
                for (int yy = y0; yy <= y1; yy++) {
                    int row = yy * width;
                    for (int xx = x0; xx <= x1; xx++) {
                        if (!eight && yy != y && xx != x) {
                            continue;
                        }
                        int q = row + xx;
                        if (mask[q] && lab[q] == 0) {
                            lab[q] = r;
                            st[top++] = q;
                        }
                    }
                }
            }
            if (r >= sizes.length) {
                sizes = Arrays.copyOf(sizes, 2 * sizes.length);
            }
            sizes[r] = size;
        }
        sizes[0] = 0;
        return count;
    }

    int[] labels() {
        return labels;
    }

    int[] sizes() {
        return sizes;
    }
}

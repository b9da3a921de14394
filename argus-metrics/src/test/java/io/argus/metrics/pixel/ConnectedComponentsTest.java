package io.argus.metrics.pixel;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.metrics.pixel.ConnectedComponents.Connectivity;
import io.argus.metrics.pixel.ConnectedComponents.Labels;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

    private static boolean[] parse(String... rows) {
        boolean[] m = new boolean[rows.length * rows[0].length()];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                m[y * rows[0].length() + x] = rows[y].charAt(x) == '#';
            }
        }
        return m;
    }

    @Test
    void diagonalTouchIsOneRegionUnderEightConnectivityAndTwoUnderFour() {
        boolean[] m = parse(
                "#..",
                ".#.",
                "...");
        Labels eight = ConnectedComponents.label(m, 3, 3, Connectivity.EIGHT);
        Labels four = ConnectedComponents.label(m, 3, 3, Connectivity.FOUR);
        assertThat(eight.count()).isEqualTo(1);
        assertThat(eight.sizes()).containsExactly(0, 2);
        assertThat(four.count()).isEqualTo(2);
        assertThat(four.sizes()).containsExactly(0, 1, 1);
        assertThat(four.labels()).containsExactly(1, 0, 0, 0, 2, 0, 0, 0, 0);
    }

    @Test
    void antiDiagonalAndUShapeHandCases() {
        boolean[] m = parse(
                "..#..#",
                ".#...#",
                "#..#.#",
                "...###");
        // 8-connected: the anti-diagonal (3 pixels) and the J on the right (7); 4-connected the diagonal falls apart.
        Labels eight = ConnectedComponents.label(m, 6, 4, Connectivity.EIGHT);
        assertThat(eight.count()).isEqualTo(2);
        assertThat(eight.sizes()).containsExactly(0, 3, 7);
        Labels four = ConnectedComponents.label(m, 6, 4, Connectivity.FOUR);
        assertThat(four.count()).isEqualTo(4);
        assertThat(four.sizes()).containsExactly(0, 1, 7, 1, 1);
    }

    @Test
    void emptyAndFullMasks() {
        assertThat(ConnectedComponents.label(new boolean[12], 4, 3, Connectivity.EIGHT).count()).isZero();
        boolean[] full = new boolean[12];
        java.util.Arrays.fill(full, true);
        Labels l = ConnectedComponents.label(full, 4, 3, Connectivity.FOUR);
        assertThat(l.count()).isEqualTo(1);
        assertThat(l.sizes()).containsExactly(0, 12);
    }

    @Test
    void oneRegionCoveringAHugeSnakeNeedsNoDeepRecursion() {
        // A 1000×1000 serpentine: one region of ~500k pixels along a single path.
        int w = 1000;
        boolean[] m = new boolean[w * w];
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                boolean rowOn = y % 2 == 0;
                boolean link = (y % 4 == 1 && x == w - 1) || (y % 4 == 3 && x == 0);
                m[y * w + x] = rowOn || link;
            }
        }
        Labels l = ConnectedComponents.label(m, w, w, Connectivity.FOUR);
        assertThat(l.count()).isEqualTo(1);
        assertThat(l.sizes()[1]).isEqualTo(500 * w + 500);
    }
}

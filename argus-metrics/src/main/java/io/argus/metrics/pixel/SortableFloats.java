package io.argus.metrics.pixel;

/**
 * Float scores as unsigned 32-bit keys whose unsigned order is the scores' numeric order, and an LSD radix
 * sort of such keys: the primitive sort behind exact pixel metrics. O(n) time per pass (at most three
 * passes of 11 bits, constant digits skipped), O(n) extra memory.
 */
final class SortableFloats {

    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;
    private static final int MASK = RADIX - 1;

    private SortableFloats() {
    }

    /** The key of a finite score; −0.0 and 0.0 share one key, so they tie. */
    static int key(float score) {
        int b = Float.floatToRawIntBits(score + 0.0f);
        return b ^ ((b >> 31) | Integer.MIN_VALUE);
    }

    /** The score of a key. */
    static float score(int key) {
        int b = (key & Integer.MIN_VALUE) != 0 ? key ^ Integer.MIN_VALUE : ~key;
        return Float.intBitsToFloat(b);
    }

    /** Sorts {@code a} by unsigned value, ascending. */
    static void sort(int[] a) {
        int n = a.length;
        int[] buf = null;
        int[] src = a;
        for (int shift = 0; shift < 32; shift += BITS) {
            int[] count = new int[RADIX + 1];
            for (int i = 0; i < n; i++) {
                count[((src[i] >>> shift) & MASK) + 1]++;
            }
            if (isOneBucket(count, n)) {
                continue;
            }
            for (int d = 0; d < RADIX; d++) {
                count[d + 1] += count[d];
            }
            if (buf == null) {
                buf = new int[n];
            }
            int[] dst = src == a ? buf : a;
            for (int i = 0; i < n; i++) {
                int v = src[i];
                dst[count[(v >>> shift) & MASK]++] = v;
            }
            src = dst;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
    }

    /** Sorts {@code a} by the unsigned value of each element's upper 32 bits, ascending (stable). */
    static void sortByHigh(long[] a) {
        int n = a.length;
        long[] buf = null;
        long[] src = a;
        for (int shift = 32; shift < 64; shift += BITS) {
            int[] count = new int[RADIX + 1];
            for (int i = 0; i < n; i++) {
                count[(int) ((src[i] >>> shift) & MASK) + 1]++;
            }
            if (isOneBucket(count, n)) {
                continue;
            }
            for (int d = 0; d < RADIX; d++) {
                count[d + 1] += count[d];
            }
            if (buf == null) {
                buf = new long[n];
            }
            long[] dst = src == a ? buf : a;
            for (int i = 0; i < n; i++) {
                long v = src[i];
                dst[count[(int) ((v >>> shift) & MASK)]++] = v;
            }
            src = dst;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
    }

    private static boolean isOneBucket(int[] count, int n) {
        for (int d = 1; d <= RADIX; d++) {
            if (count[d] != 0) {
                return count[d] == n;
            }
        }
        return true;
    }
}

package io.argus.core.neighbors;

import java.util.Arrays;

/**
 * The distinct rows of a row-major float table and the rows each one stands for, found with an
 * open-addressing hash table. Rows are equal when every coordinate compares equal ({@code ==}, so
 * -0 and 0 are one value); equal rows have bit-identical distances to any point.
 *
 * <p>Time O(n d) expected; memory O(n) ints while grouping, plus a compact copy of the distinct rows
 * when there are duplicates.
 *
 * @param count number of distinct rows
 * @param points the distinct rows in order of first appearance (the input array itself when all rows are distinct)
 * @param groupStart rows of distinct row v are {@code members[groupStart[v] .. groupStart[v+1])}; null when all are distinct
 * @param members row indices grouped by distinct row, ascending within a group; null when all are distinct
 */
record Distinct(int count, float[] points, int[] groupStart, int[] members) {

    static Distinct of(float[] data, int n, int d) {
        int cap = Integer.highestOneBit(Math.max(n, 1)) << 2;
        int mask = cap - 1;
        int[] slot = new int[cap];
        Arrays.fill(slot, -1);
        int[] nodeOf = new int[n];
        int[] firstRow = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int h = hash(data, i * d, d) & mask;
            while (slot[h] >= 0 && !sameRow(data, firstRow[slot[h]] * d, i * d, d)) {
                h = (h + 1) & mask;
            }
            if (slot[h] < 0) {
                slot[h] = count;
                firstRow[count++] = i;
            }
            nodeOf[i] = slot[h];
        }
        if (count == n) {
            return new Distinct(n, data, null, null);
        }
        int[] groupStart = new int[count + 1];
        for (int i = 0; i < n; i++) {
            groupStart[nodeOf[i] + 1]++;
        }
        for (int v = 0; v < count; v++) {
            groupStart[v + 1] += groupStart[v];
        }
        int[] fill = Arrays.copyOf(groupStart, count);
        int[] members = new int[n];
        for (int i = 0; i < n; i++) {
            members[fill[nodeOf[i]]++] = i;
        }
        float[] points = new float[count * d];
        for (int v = 0; v < count; v++) {
            System.arraycopy(data, firstRow[v] * d, points, v * d, d);
        }
        return new Distinct(count, points, groupStart, members);
    }

    private static int hash(float[] data, int off, int d) {
        long h = 0x9E3779B97F4A7C15L;
        for (int j = 0; j < d; j++) {
            // + 0f turns -0 into 0, so that the two zeros, which compare equal, hash alike.
            h = (h ^ Float.floatToIntBits(data[off + j] + 0f)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        return (int) (h ^ (h >>> 32));
    }

    private static boolean sameRow(float[] data, int a, int b, int d) {
        for (int j = 0; j < d; j++) {
            if (data[a + j] != data[b + j]) {
                return false;
            }
        }
        return true;
    }
}

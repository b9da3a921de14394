package io.argus.metrics.clustering;

import java.util.Arrays;

/**
 * The Hungarian algorithm for the linear assignment problem: a one-to-one matching of rows to columns
 * of a cost matrix with the least total cost (Kuhn, "The Hungarian method for the assignment problem",
 * Naval Research Logistics Quarterly, 1955; Munkres, J. SIAM, 1957), in the shortest-augmenting-path
 * form with dual potentials (Jonker–Volgenant style). O(r²·c) time for r &le; c (O(k³) for a k×k
 * matrix), O(r + c) memory besides the matrix. Rectangular matrices are allowed: the smaller side is
 * matched completely, the larger side partly.
 */
public final class Hungarian {

    private Hungarian() {
    }

    /**
     * The assignment of least total cost.
     *
     * @param cost a rectangular matrix of finite costs, {@code cost[row][col]}
     * @return for each row its column, or -1 for a row left unmatched (only when rows &gt; columns)
     * @throws IllegalArgumentException for an empty, ragged or non-finite matrix
     */
    public static int[] minCostAssignment(double[][] cost) {
        int rows = cost.length;
        if (rows == 0 || cost[0].length == 0) {
            throw new IllegalArgumentException("cost matrix is empty");
        }
        int cols = cost[0].length;
        for (int i = 0; i < rows; i++) {
            if (cost[i].length != cols) {
                throw new IllegalArgumentException("cost matrix is ragged: row 0 has " + cols + " columns, row " + i + " has " + cost[i].length);
            }
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(cost[i][j])) {
                    throw new IllegalArgumentException("cost[" + i + "][" + j + "] is " + cost[i][j] + "; costs must be finite");
                }
            }
        }
        if (rows <= cols) {
            return solve(cost, rows, cols, false);
        }
        // Match the columns to rows instead, then invert.
        int[] colToRow = solve(cost, cols, rows, true);
        int[] rowToCol = new int[rows];
        Arrays.fill(rowToCol, -1);
        for (int j = 0; j < cols; j++) {
            rowToCol[colToRow[j]] = j;
        }
        return rowToCol;
    }

    /** The assignment of greatest total weight: {@link #minCostAssignment} of the negated weights. */
    public static int[] maxWeightAssignment(double[][] weight) {
        double[][] cost = new double[weight.length][];
        for (int i = 0; i < weight.length; i++) {
            cost[i] = new double[weight[i].length];
            for (int j = 0; j < weight[i].length; j++) {
                cost[i][j] = -weight[i][j];
            }
        }
        return minCostAssignment(cost);
    }

    /** n &le; m; a(i, j) = transposed ? cost[j][i] : cost[i][j]. Returns row -> column for all n rows. */
    private static int[] solve(double[][] cost, int n, int m, boolean transposed) {
        // 1-based potentials u (rows) and v (columns); p[j] = row matched to column j; column 0 is virtual.
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1];
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double a = transposed ? cost[j - 1][i0 - 1] : cost[i0 - 1][j - 1];
                        double cur = a - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] rowToCol = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                rowToCol[p[j] - 1] = j - 1;
            }
        }
        return rowToCol;
    }
}

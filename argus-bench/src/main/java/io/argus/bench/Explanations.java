package io.argus.bench;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.tabular.explain.FeatureContributions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Which features drove a row's score. Models whose score is a sum of per-feature terms
 * ({@link FeatureContributions}: ECOD, COPOD, HBOS, Mahalanobis, MCD) give those terms exactly; for
 * every other model the contribution of feature j is the drop in score when x_j alone is replaced by
 * a baseline value (the column's median over the scored rows): a perturbation explanation, one model
 * call of d + 1 rows per explained row.
 */
public final class Explanations {

    /** Features listed per explained row. */
    public static final int TOP_DEFAULT = 3;

    private Explanations() {
    }

    /** The column medians of {@code data}: the baseline that perturbation explanations replace values with. */
    public static float[] medians(Table data) {
        int n = data.rows();
        int d = data.cols();
        float[] out = new float[d];
        float[] col = new float[n];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                col[i] = data.get(i, j);
            }
            Arrays.sort(col);
            out[j] = n == 0 ? 0 : (n % 2 == 1 ? col[n / 2] : (float) (0.5 * ((double) col[n / 2 - 1] + col[n / 2])));
        }
        return out;
    }

    /**
     * One value per feature of row {@code row}: higher means the feature pushed the score up more.
     *
     * @param baseline per-column values used by the perturbation fallback ({@link #medians})
     */
    public static double[] contributions(Model<Table> model, Table data, int row, float[] baseline, Context ctx) {
        if (model instanceof FeatureContributions fc) {
            return fc.contributions(data, row);
        }
        FeatureContributions.checkRow(data, row);
        int d = data.cols();
        if (baseline.length != d) {
            throw new IllegalArgumentException("shape mismatch: " + baseline.length + " baseline values for " + d + " columns");
        }
        float[] x = data.row(row);
        float[] batch = new float[(d + 1) * d];
        System.arraycopy(x, 0, batch, 0, d);
        for (int j = 0; j < d; j++) {
            System.arraycopy(x, 0, batch, (j + 1) * d, d);
            batch[(j + 1) * d + j] = baseline[j];
        }
        double[] s = model.score(Table.of(d + 1, d, batch, data.columns(), null, null), ctx).values();
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            out[j] = s[0] - s[j + 1];
        }
        return out;
    }

    /** The {@code top} largest contributions as {@code name:value} joined by {@code |}, largest first. */
    public static String format(double[] contributions, java.util.List<String> columns, int top) {
        Integer[] order = IntStream.range(0, contributions.length).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -contributions[j]).thenComparingInt(j -> j)).toArray(Integer[]::new);
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < Math.min(top, order.length); r++) {
            int j = order[r];
            sb.append(r == 0 ? "" : "|").append(columns.get(j)).append(':')
                    .append(String.format(Locale.ROOT, "%.4g", contributions[j]));
        }
        return sb.toString();
    }
}

package io.argus.tabular.explain;

import io.argus.core.data.Table;

/**
 * A fitted table model whose score of a row is a sum of one term per feature, so the terms say which
 * features drove the score (ECOD, COPOD and HBOS implement it). A front end asks for it with
 * {@code model instanceof FeatureContributions}.
 */
public interface FeatureContributions {

    /**
     * The per-feature terms of the score that the model's {@code score(rows, ctx)} gives row {@code row}
     * of {@code rows}: one value per column, in column order, that added up from column 0 to the last
     * (starting at 0.0) give exactly that score. Higher terms are the features that make the row more
     * anomalous.
     *
     * @throws IllegalArgumentException when {@code rows} has another width than the training data or
     *         {@code row} is not a row of it
     */
    double[] contributions(Table rows, int row);

    /**
     * Checks that {@code row} indexes {@code rows}, so that every implementation rejects a bad index
     * with the same message.
     *
     * @throws IllegalArgumentException "row 7 is out of range; the table has 5 rows"
     */
    static void checkRow(Table rows, int row) {
        if (row < 0 || row >= rows.rows()) {
            throw new IllegalArgumentException("row " + row + " is out of range; the table has " + rows.rows() + " rows");
        }
    }
}

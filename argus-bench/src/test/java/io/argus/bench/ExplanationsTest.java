package io.argus.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.tabular.ecod.Ecod;
import io.argus.tabular.iforest.IsolationForest;
import io.argus.tabular.iforest.IsolationForestParams;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExplanationsTest {

    /** 300 standard-normal rows in 4 columns, then one row far out in column 2 only. */
    private static Table dataWithOutlierInColumn2() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 301;
        float[] v = new float[n * 4];
        for (int i = 0; i < n * 4; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        v[300 * 4 + 2] = 12f;
        return Table.of(n, 4, v, List.of("a", "b", "c", "d"), null, null);
    }

    @Test
    void exactTermsWhereTheMethodHasThemSumToTheScore() {
        Table t = dataWithOutlierInColumn2();
        try (Context ctx = Context.builder().threads(1).build()) {
            Model<Table> m = new Ecod().fit(t, ctx);
            double[] c = Explanations.contributions(m, t, 300, Explanations.medians(t), ctx);
            double sum = 0;
            for (double x : c) {
                sum += x;
            }
            assertThat(sum).isCloseTo(m.score(t, ctx).get(300), within(1e-12));
            assertThat(Explanations.format(c, t.columns(), 1)).startsWith("c:");
        }
    }

    @Test
    void perturbationFallbackFindsTheFeatureThatMakesTheRowStandOut() {
        Table t = dataWithOutlierInColumn2();
        try (Context ctx = Context.builder().threads(1).seed(5).build()) {
            Model<Table> m = new IsolationForest(IsolationForestParams.DEFAULTS).fit(t, ctx);
            double[] c = Explanations.contributions(m, t, 300, Explanations.medians(t), ctx);
            assertThat(c[2]).isGreaterThan(c[0]).isGreaterThan(c[1]).isGreaterThan(c[3]).isGreaterThan(0);
            assertThat(Explanations.format(c, t.columns(), 2)).matches("c:[0-9.e-]+\\|[abd]:.*");
            assertThatThrownBy(() -> Explanations.contributions(m, t, 301, Explanations.medians(t), ctx))
                    .hasMessage("row 301 is out of range; the table has 301 rows");
        }
    }

    @Test
    void mediansPerColumn() {
        Table t = Table.of(new float[][] {{1, 10}, {3, 30}, {2, 20}, {4, 40}});
        assertThat(Explanations.medians(t)).containsExactly(2.5f, 25f);
    }
}

package io.argus.timeseries.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import org.junit.jupiter.api.Test;

class PolyTest {

    @Test
    void extrapolatesAPolynomialOfItsDegreeExactly() {
        // The least-squares cubic through any cubic is the cubic itself, so the prediction error is 0.
        double[] x = new double[60];
        for (int t = 0; t < x.length; t++) {
            double u = t / 10.0;
            x[t] = 2 - u + 0.5 * u * u - 0.1 * u * u * u;
        }
        UnivariateModel m = new Poly(new PolyParams(12, 3)).fit(x, Context.defaults());
        double[] s = m.score(x, Context.defaults());
        for (double v : s) {
            assertThat(v).isCloseTo(0, within(1e-6));
        }
    }

    @Test
    void degreeZeroFilterIsTheMean() {
        assertThat(Poly.filter(4, 0)).containsExactly(new double[] {0.25, 0.25, 0.25, 0.25}, within(1e-12));
        // degree 1 through 0..w-1 extrapolated to w: for w = 2 the prediction is 2·x1 − x0
        assertThat(Poly.filter(2, 1)).containsExactly(new double[] {-1, 2}, within(1e-9));
    }

    @Test
    void aJumpScoresHighest() {
        double[] x = new double[200];
        for (int t = 0; t < x.length; t++) {
            x[t] = Math.sin(t / 8.0);
        }
        x[120] += 3;
        double[] s = new Poly(new PolyParams(16, 3)).fit(x, Context.defaults()).score(x, Context.defaults());
        int best = 0;
        for (int t = 0; t < s.length; t++) {
            best = s[t] > s[best] ? t : best;
        }
        assertThat(best).isEqualTo(120);
    }

    @Test
    void parametersAreValidated() {
        assertThatThrownBy(() -> new PolyParams(3, 3)).hasMessage("parameter window = 3 must exceed power = 3");
        assertThatThrownBy(() -> new PolyParams(10, 11)).hasMessage("parameter power = 11 is out of range; allowed: [0, 10]");
        assertThatThrownBy(() -> new Poly(new PolyParams(10, 2)).fit(new double[50], Context.defaults()).score(new double[5], Context.defaults()))
                .hasMessage("poly: series has 5 steps, needs more than the window 10");
    }
}

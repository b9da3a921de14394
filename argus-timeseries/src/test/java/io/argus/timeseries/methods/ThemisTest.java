package io.argus.timeseries.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.Context;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThemisTest {

    @ParameterizedTest
    @EnumSource(Themis.Adapter.class)
    void everyAdapterRanksAnOddShapeFirst(Themis.Adapter adapter) {
        SplittableRandom r = new SplittableRandom(9);
        double[] train = new double[1000];
        double[] test = new double[1000];
        for (int t = 0; t < 1000; t++) {
            train[t] = Math.sin(2 * Math.PI * t / 25) + 0.05 * r.nextGaussian();
            test[t] = Math.sin(2 * Math.PI * t / 25) + 0.05 * r.nextGaussian();
        }
        for (int t = 600; t < 625; t++) {
            test[t] = ((t / 3) % 2 == 0 ? 1 : -1) + 0.05 * r.nextGaussian(); // a square wave of period 6
        }
        ThemisParams p = new ThemisParams(25, 8, adapter, 5, 0, 1000);
        double[] s = new Themis(p).fit(train, Context.defaults()).score(test, Context.defaults());
        assertThat(s).hasSize(1000);
        assertThat(MultivariateTest.argmax(s)).as(adapter.name()).isBetween(575, 650);
    }
}

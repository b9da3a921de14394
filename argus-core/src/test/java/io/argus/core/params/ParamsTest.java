package io.argus.core.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

    enum Mode { FAST, EXACT }

    record DemoParams(
            @Param(doc = "neighbours", min = 1, max = 100) int k,
            @Param(doc = "share", min = 0, max = 0.5) double share,
            @Param(doc = "mode") Mode mode,
            @Param(doc = "verbose flag") boolean verbose) {

        static final DemoParams DEFAULTS = new DemoParams(5, 0.1, Mode.FAST, false);

        DemoParams {
            Params.checkRange("k", k, 1, 100);
            Params.checkRange("share", share, 0, 0.5);
        }
    }

    /** A provider whose detector scores each row by its first value. */
    static final class DemoProvider implements MethodProvider<Table, DemoParams> {
        private final String name;

        DemoProvider(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String modality() {
            return "table";
        }

        @Override
        public Class<Table> dataType() {
            return Table.class;
        }

        @Override
        public String summary() {
            return "first column";
        }

        @Override
        public Reference paper() {
            return new Reference("Nobody", "Nothing", "Nowhere", 2000);
        }

        @Override
        public Class<DemoParams> paramsType() {
            return DemoParams.class;
        }

        @Override
        public DemoParams defaults() {
            return DemoParams.DEFAULTS;
        }

        @Override
        public Detector<Table> detector(DemoParams params) {
            return (train, ctx) -> new FirstColumn();
        }

        @Override
        public Model<Table> restore(DemoParams params, Map<String, Tensor> state) {
            return new FirstColumn();
        }
    }

    static final class FirstColumn implements Model<Table> {
        @Override
        public Scores score(Table data, Context ctx) {
            double[] s = new double[data.rows()];
            for (int i = 0; i < s.length; i++) {
                s[i] = data.get(i, 0);
            }
            return Scores.of(s);
        }

        @Override
        public Map<String, Tensor> state() {
            return Map.of();
        }
    }

    @Test
    void specsComeFromTheRecord() {
        List<ParamSpec> specs = Params.specs(DemoParams.class, DemoParams.DEFAULTS);
        assertThat(specs).extracting(ParamSpec::name).containsExactly("k", "share", "mode", "verbose");
        assertThat(specs.get(0).type()).isEqualTo("int");
        assertThat(specs.get(0).range()).isEqualTo("[1, 100]");
        assertThat(specs.get(0).defaultText()).isEqualTo("5");
        assertThat(specs.get(1).range()).isEqualTo("[0.0, 0.5]");
        assertThat(specs.get(2).type()).isEqualTo("enum");
        assertThat(specs.get(2).range()).isEqualTo("fast|exact");
        assertThat(specs.get(2).defaultText()).isEqualTo("fast");
        assertThat(specs.get(3).range()).isEqualTo("true|false");
    }

    @Test
    void parseOverridesDefaultsAndMatchesNamesLoosely() {
        DemoParams p = Params.parse(DemoParams.class, DemoParams.DEFAULTS, Map.of("K", "7", "mode", "Exact", "verbose", "true"), "demo");
        assertThat(p).isEqualTo(new DemoParams(7, 0.1, Mode.EXACT, true));
        assertThat(Params.toMap(p)).containsEntry("k", 7).containsEntry("mode", "exact");
        assertThat(Params.fromMap(DemoParams.class, DemoParams.DEFAULTS, Params.toMap(p), "demo")).isEqualTo(p);
    }

    @Test
    void badValuesNameTheParameterAndTheRange() {
        assertThatThrownBy(() -> Params.parse(DemoParams.class, DemoParams.DEFAULTS, Map.of("k", "0"), "demo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("demo: parameter k = 0 is out of range; allowed: [1, 100]");
        assertThatThrownBy(() -> Params.parse(DemoParams.class, DemoParams.DEFAULTS, Map.of("k", "five"), "demo"))
                .hasMessage("demo: parameter k = 'five' is not a value of type int");
        assertThatThrownBy(() -> Params.parse(DemoParams.class, DemoParams.DEFAULTS, Map.of("mode", "slow"), "demo"))
                .hasMessage("demo: parameter mode = 'slow' is not one of fast|exact");
        assertThatThrownBy(() -> Params.parse(DemoParams.class, DemoParams.DEFAULTS, Map.of("verbose", "yes"), "demo"))
                .hasMessage("demo: parameter verbose = 'yes' is not a value of type boolean");
        assertThatThrownBy(() -> Params.parse(DemoParams.class, DemoParams.DEFAULTS, Map.of("kk", "3"), "demo"))
                .hasMessage("demo: unknown parameter 'kk'; known parameters: k, share, mode, verbose");
        assertThatThrownBy(() -> Params.parse(DemoParams.class, DemoParams.DEFAULTS, Map.of("share", "0.6"), "demo"))
                .hasMessage("demo: parameter share = 0.6 is out of range; allowed: [0, 0.5]");
    }

    @Test
    void registryListsSortedAndRejectsUnknownNamesAndDuplicates() {
        MethodRegistry r = MethodRegistry.of(List.of(new DemoProvider("zeta"), new DemoProvider("alpha")));
        assertThat(r.all()).extracting(MethodRegistry.Entry::name).containsExactly("alpha", "zeta");
        assertThat(r.forData(Table.class)).hasSize(2);
        assertThat(r.get("alpha").params()).hasSize(4);
        assertThatThrownBy(() -> r.get("beta")).hasMessage("unknown method 'beta'; known methods: alpha, zeta");
        assertThatThrownBy(() -> MethodRegistry.of(List.of(new DemoProvider("a"), new DemoProvider("a"))))
                .hasMessage("two providers register the method name 'a'");
    }
}

package io.argus.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MethodSpecTest {

    @Test
    void parsesNamesAndOverrides() {
        assertThat(MethodSpec.parse(" hbos ")).isEqualTo(new MethodSpec("hbos", "hbos", Map.of()));
        MethodSpec s = MethodSpec.parse("hbos[binning=dynamic; bins = 20]");
        assertThat(s.name()).isEqualTo("hbos");
        assertThat(s.label()).isEqualTo("hbos[binning=dynamic; bins = 20]");
        assertThat(s.overrides()).containsExactly(Map.entry("binning", "dynamic"), Map.entry("bins", "20"));
    }

    @Test
    void splitsListsOnlyOutsideBrackets() {
        assertThat(MethodSpec.parseList("iforest,hbos[binning=dynamic,bins=20],lof").stream().map(MethodSpec::label))
                .containsExactly("iforest", "hbos[binning=dynamic,bins=20]", "lof");
        assertThat(MethodSpec.splitTopLevel("a[x=1,y=2],b")).isEqualTo(List.of("a[x=1,y=2]", "b"));
    }

    @Test
    void rejectsMalformedSpecs() {
        for (String bad : List.of("", "[k=1]", "lof[k=1", "lof]", "lof[k=1][j=2]")) {
            assertThatThrownBy(() -> MethodSpec.parse(bad)).as(bad)
                    .hasMessage("method '" + bad + "': expected NAME or NAME[key=value;...]");
        }
        assertThatThrownBy(() -> MethodSpec.parse("lof[=3]")).hasMessage("method 'lof[=3]': parameter '=3' is not key=value");
    }
}

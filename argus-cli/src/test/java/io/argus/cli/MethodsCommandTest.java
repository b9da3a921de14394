package io.argus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MethodsCommandTest {

    @Test
    void listsEveryTableMethod() {
        Cli.Result r = Cli.run("methods").assertOk();
        assertThat(r.out()).containsPattern("(?m)^iforest\\s+table\\s")
                .containsPattern("(?m)^knn\\s+table\\s")
                .containsPattern("(?m)^lof\\s+table\\s");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void listsTheNeuralMethodsOfEveryModalityWithTheirEngine() {
        Cli.Result r = Cli.run("methods").assertOk();
        assertThat(r.out()).containsPattern("(?m)^autoencoder\\s+table\\s+\\[PyTorch\\] AutoEncoder")
                .containsPattern("(?m)^deep-svdd\\s+table\\s+\\[PyTorch\\] ")
                .containsPattern("(?m)^conv-ae\\s+series\\s+\\[PyTorch\\] ")
                .containsPattern("(?m)^lstm-ae\\s+series\\s+\\[PyTorch\\] ")
                .containsPattern("(?m)^axonad\\s+series\\s+\\[PyTorch\\] ")
                .containsPattern("(?m)^deeplog\\s+logs\\s+\\[PyTorch\\] DeepLog")
                .containsPattern("(?m)^lof\\s+table\\s+[A-Z]")
                .contains("[PyTorch] trains a neural network with DJL + PyTorch (CPU); the first run of a neural method unpacks");
        Cli.Result one = Cli.run("methods", "deeplog").assertOk();
        assertThat(one.out()).contains("engine: DJL + PyTorch (CPU)").contains("paper: Du, Li, Zheng, Srikumar")
                .containsPattern("(?m)^topG\\s+int\\s+9\\s");
        assertThat(Cli.run("methods", "lof").assertOk().out()).doesNotContain("engine:");
    }

    @Test
    void showsOneMethodsParametersAndPaper() {
        Cli.Result r = Cli.run("methods", "lof").assertOk();
        assertThat(r.out()).containsPattern("(?m)^k\\s+int\\s+20\\s+\\[1, 100000\\]\\s+neighbourhood size")
                .contains("paper: Breunig, Kriegel, Ng, Sander, \"LOF: Identifying Density-Based Local Outliers\", ACM SIGMOD 2000")
                .contains("deterministic");
    }

    @Test
    void showsIforestParameters() {
        Cli.Result r = Cli.run("methods", "iforest").assertOk();
        assertThat(r.out()).containsPattern("(?m)^trees\\s+int\\s").containsPattern("(?m)^maxSamples\\s+int\\s").contains("randomised");
    }

    @Test
    void unknownMethodListsTheKnownOnes() {
        Cli.Result r = Cli.run("methods", "nope");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("argus: error: unknown method 'nope'; known methods: " + Cli.knownMethods());
    }

    @Test
    void versionAndHelp() {
        Cli.Result v = Cli.run("--version").assertOk();
        assertThat(v.out()).startsWith("argus ");
        Cli.Result h = Cli.run("--help").assertOk();
        assertThat(h.out()).contains("Usage: argus").contains("methods").contains("fit").contains("score").contains("bench")
                .contains("demo").contains("datasets");
        Cli.Result none = Cli.run().assertOk();
        assertThat(none.out()).contains("Usage: argus");
    }

    @Test
    void malformedCommandLineExitsTwo() {
        Cli.Result r = Cli.run("fit", "--method", "lof");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option");
    }
}

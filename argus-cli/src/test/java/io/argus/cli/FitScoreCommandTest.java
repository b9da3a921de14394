package io.argus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argus.core.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitScoreCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path train;
    private Path model;
    private Path scores;

    @BeforeEach
    void data() {
        train = Cli.write(tmp.resolve("train.csv"), Cli.csv(200, 3, 1, false));
        model = tmp.resolve("m.safetensors");
        scores = tmp.resolve("scores.csv");
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void fitThenScoreRoundTrip() throws IOException {
        Cli.Result fit = Cli.run("fit", "--method", "lof", "--data", train.toString(), "--model", model.toString(), "--threads", "1")
                .assertOk();
        assertThat(fit.out()).contains("fitted lof on").contains("200 rows x 3 columns").contains("wrote " + model);
        assertThat(model).isRegularFile();

        Path test = Cli.write(tmp.resolve("test.csv"), Cli.csv(60, 3, 2, false));
        Cli.Result score = Cli.run("score", "--model", model.toString(), "--data", test.toString(), "--out", scores.toString(),
                "--threads", "1").assertOk();
        assertThat(score.out()).contains("scored 60 rows").contains("wrote " + scores);

        List<String> lines = Files.readAllLines(scores);
        assertThat(lines).hasSize(61);
        assertThat(lines.get(0)).isEqualTo("row,score,calibrated,flag");
        int flagged = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            assertThat(f).hasSize(4);
            assertThat(Integer.parseInt(f[0])).isEqualTo(i - 1);
            assertThat(Double.parseDouble(f[1])).isFinite();
            assertThat(Double.parseDouble(f[2])).isBetween(0.0, 1.0);
            assertThat(f[3]).isIn("0", "1");
            flagged += Integer.parseInt(f[3]);
            if ((i - 1) % 20 == 19) {
                assertThat(f[3]).as("planted outlier at row %d", i - 1).isEqualTo("1");
            }
        }
        assertThat(flagged).isBetween(3, 20);
    }

    @Test
    void explainAddsTheTopFeaturesOfFlaggedRows() throws IOException {
        for (String method : new String[] {"ecod", "iforest"}) { // exact terms, then the perturbation fallback
            Cli.run("fit", "--method", method, "--data", train.toString(), "--model", model.toString(), "--threads", "1").assertOk();
            Cli.run("score", "--model", model.toString(), "--data", train.toString(), "--out", scores.toString(), "--explain",
                    "--threads", "1").assertOk();
            List<String> lines = Files.readAllLines(scores);
            assertThat(lines.get(0)).isEqualTo("row,score,calibrated,flag,explanation");
            assertThat(lines.stream().skip(1).filter(l -> l.split(",", -1)[3].equals("1")))
                    .isNotEmpty()
                    .allSatisfy(l -> assertThat(l.split(",", -1)[4]).matches("[^:|]+:[-0-9.e]+(\\|[^:|]+:[-0-9.e]+){2}"));
            assertThat(lines.stream().skip(1).filter(l -> l.split(",", -1)[3].equals("0")))
                    .allSatisfy(l -> assertThat(l).endsWith(","));
        }
    }

    @Test
    void scoreWithLabelsPrintsMetrics() {
        Cli.run("fit", "--method", "knn", "--data", train.toString(), "--model", model.toString(), "--threads", "1").assertOk();
        Path test = Cli.write(tmp.resolve("test.csv"), Cli.csv(60, 3, 2, true));
        Cli.Result score = Cli.run("score", "--model", model.toString(), "--data", test.toString(), "--label", "label", "--out",
                scores.toString(), "--threads", "1").assertOk();
        assertThat(score.out()).contains("labels found: auroc=1.0000");
    }

    @Test
    void paramTakesEffect() throws IOException {
        Cli.run("fit", "--method", "lof", "--param", "k=7", "--data", train.toString(), "--model", model.toString(), "--threads", "1")
                .assertOk();
        Map<String, String> meta = ModelFiles.readMetadata(model);
        assertThat(meta.get("method")).isEqualTo("lof");
        assertThat(json(meta.get("params")).get("k").asInt()).isEqualTo(7);
        assertThat(meta.get("params")).contains("\"k\":7");
    }

    @Test
    void paramNamesMatchIgnoringCaseDashAndUnderscore() throws IOException {
        Cli.run("fit", "--method", "iforest", "--param", "max_samples=64", "--param", "TREES=20", "--data", train.toString(),
                "--model", model.toString(), "--threads", "1").assertOk();
        JsonNode params = json(ModelFiles.readMetadata(model).get("params"));
        assertThat(params.get("maxSamples").asInt()).isEqualTo(64);
        assertThat(params.get("trees").asInt()).isEqualTo(20);

        Path other = tmp.resolve("m2.safetensors");
        Cli.run("fit", "--method", "iforest", "--param", "max-samples=32", "--data", train.toString(), "--model", other.toString(),
                "--threads", "1").assertOk();
        assertThat(json(ModelFiles.readMetadata(other).get("params")).get("maxSamples").asInt()).isEqualTo(32);
    }

    @Test
    void unknownParamListsTheKnownOnes() {
        Cli.run("fit", "--method", "lof", "--param", "kk=3", "--data", train.toString(), "--model", model.toString())
                .assertOneErrorLine("lof: unknown parameter 'kk'; known parameters: k");
        assertThat(model).doesNotExist();
        Cli.run("fit", "--method", "lof", "--param", "k=0", "--data", train.toString(), "--model", model.toString())
                .assertOneErrorLine("parameter k = 0 is out of range; allowed: [1, 100000]");
        Cli.run("fit", "--method", "lof", "--param", "k=many", "--data", train.toString(), "--model", model.toString())
                .assertOneErrorLine("parameter k = 'many' is not a value of type int");
        assertThat(model).doesNotExist();
    }

    @Test
    void thresholdRobustZ() throws IOException {
        Cli.Result r = Cli.run("fit", "--method", "knn", "--threshold", "robust-z:3", "--data", train.toString(), "--model",
                model.toString(), "--threads", "1").assertOk();
        assertThat(r.out()).contains("threshold robust-z=3.0 -> ");
        JsonNode t = json(ModelFiles.readMetadata(model).get("threshold"));
        assertThat(t.get("rule").asText()).isEqualTo("robust-z");
        assertThat(t.get("parameter").asDouble()).isEqualTo(3.0);
    }

    @Test
    void thresholdTargetFprOnValidationData() throws IOException {
        Path normal = Cli.write(tmp.resolve("normal.csv"), Cli.csv(19, 3, 5, false)); // rows 0..18: no outlier
        Cli.Result r = Cli.run("fit", "--method", "knn", "--threshold", "target-fpr:0.05", "--validation", normal.toString(), "--data",
                train.toString(), "--model", model.toString(), "--threads", "1").assertOk();
        assertThat(r.out()).contains("threshold target-fpr=0.05 -> ");
        JsonNode t = json(ModelFiles.readMetadata(model).get("threshold"));
        assertThat(t.get("rule").asText()).isEqualTo("target-fpr");
        assertThat(t.get("parameter").asDouble()).isEqualTo(0.05);

        // the chosen threshold flags none of the 19 held-out normal rows (floor(0.05 * 19) = 0)
        Cli.run("score", "--model", model.toString(), "--data", normal.toString(), "--out", scores.toString(), "--threads", "1")
                .assertOk();
        assertThat(Files.readAllLines(scores).stream().skip(1).filter(l -> l.endsWith(",1"))).isEmpty();
    }

    @Test
    void thresholdBestF1OnLabelledValidationData() throws IOException {
        Path labelled = Cli.write(tmp.resolve("train-labelled.csv"), Cli.csv(200, 3, 1, true));
        Path validation = Cli.write(tmp.resolve("validation.csv"), Cli.csv(80, 3, 9, true));
        Cli.Result r = Cli.run("fit", "--method", "knn", "--threshold", "best-f1", "--validation", validation.toString(), "--label",
                "label", "--data", labelled.toString(), "--model", model.toString(), "--threads", "1").assertOk();
        assertThat(r.out()).contains("threshold best-f1=1.0 -> ");
        JsonNode t = json(ModelFiles.readMetadata(model).get("threshold"));
        assertThat(t.get("rule").asText()).isEqualTo("best-f1");
        // labels are not features: the model was fitted on 3 columns
        assertThat(json(ModelFiles.readMetadata(model).get("provenance")).get("cols").asInt()).isEqualTo(3);
    }

    @Test
    void thresholdNeedingValidationWithoutItIsAClearError() {
        Cli.run("fit", "--method", "knn", "--threshold", "target-fpr:0.05", "--data", train.toString(), "--model", model.toString())
                .assertOneErrorLine("--threshold target-fpr needs --validation FILE of held-out normal rows");
        Cli.run("fit", "--method", "knn", "--threshold", "best-f1", "--validation", train.toString(), "--data", train.toString(),
                "--model", model.toString())
                .assertOneErrorLine("--threshold best-f1 needs --validation FILE with a label column (--label)");
        assertThat(model).doesNotExist();
    }

    @Test
    void badThresholdIsAClearError() {
        Cli.run("fit", "--method", "lof", "--threshold", "median:2", "--data", train.toString(), "--model", model.toString())
                .assertOneErrorLine("--threshold 'median:2': unknown rule; use contamination:SHARE");
        Cli.run("fit", "--method", "lof", "--threshold", "robust-z", "--data", train.toString(), "--model", model.toString())
                .assertOneErrorLine("rule robust-z needs a value, e.g. robust-z:3");
        Cli.run("fit", "--method", "lof", "--threshold", "fixed:x", "--data", train.toString(), "--model", model.toString())
                .assertOneErrorLine("'x' is not a number");
        Cli.run("fit", "--method", "lof", "--threshold", "contamination:0.9", "--data", train.toString(), "--model", model.toString(),
                "--threads", "1").assertOneErrorLine("contamination = 0.9 is out of range; allowed: (0, 0.5]");
        assertThat(model).doesNotExist();
    }

    @Test
    void fitIsReproducibleForASeed() throws IOException {
        Path a = tmp.resolve("a.safetensors");
        Path b = tmp.resolve("b.safetensors");
        Cli.run("fit", "--method", "iforest", "--seed", "3", "--data", train.toString(), "--model", a.toString(), "--threads", "1")
                .assertOk();
        Cli.run("fit", "--method", "iforest", "--seed", "3", "--data", train.toString(), "--model", b.toString(), "--threads", "2")
                .assertOk();
        Cli.run("score", "--model", a.toString(), "--data", train.toString(), "--out", tmp.resolve("sa.csv").toString()).assertOk();
        Cli.run("score", "--model", b.toString(), "--data", train.toString(), "--out", tmp.resolve("sb.csv").toString()).assertOk();
        assertThat(Files.readString(tmp.resolve("sa.csv"))).isEqualTo(Files.readString(tmp.resolve("sb.csv")));
        assertThat(json(ModelFiles.readMetadata(a).get("provenance")).get("seed").asLong()).isEqualTo(3);
    }
}

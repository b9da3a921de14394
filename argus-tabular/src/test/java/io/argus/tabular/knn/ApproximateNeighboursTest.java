package io.argus.tabular.knn;

import static io.argus.tabular.TabularFixtures.adbench;
import static io.argus.tabular.TabularFixtures.assertRoundTrip;
import static io.argus.tabular.TabularFixtures.auroc;
import static io.argus.tabular.TabularFixtures.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.Fit;
import io.argus.core.data.Table;
import io.argus.core.neighbors.Hnsw;
import io.argus.core.neighbors.NeighborIndex.Method;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Params;
import io.argus.tabular.cof.CofParams;
import io.argus.tabular.cof.CofProvider;
import io.argus.tabular.lof.LofParams;
import io.argus.tabular.lof.LofProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code neighbors=auto|exact|hnsw} parameter of k-NN, LOF and COF. */
class ApproximateNeighboursTest {

    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(5).threads(2).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    private static final int M = Hnsw.M_DEFAULT;
    private static final int EFC = Hnsw.EF_CONSTRUCTION_DEFAULT;
    private static final int EF = Hnsw.EF_SEARCH_DEFAULT;
    /** A beam as wide as the small tables below: the graph search then reaches every row. */
    private static final int WIDE = 1000;

    /** Each method with exact and HNSW parameters (a beam wider than the tables), k = 10. */
    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of(new KnnProvider(), new KnnParams(10, KnnParams.Aggregate.LARGEST, Method.EXACT, M, EFC, EF),
                        new KnnParams(10, KnnParams.Aggregate.LARGEST, Method.HNSW, M, EFC, WIDE)),
                Arguments.of(new LofProvider(), new LofParams(10, Method.EXACT, M, EFC, EF), new LofParams(10, Method.HNSW, M, EFC, WIDE)),
                Arguments.of(new CofProvider(), new CofParams(10, Method.EXACT, M, EFC, EF), new CofParams(10, Method.HNSW, M, EFC, WIDE)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Fit<Table> fit(BaseMethodProvider provider, Record params, Table t) {
        return provider.detector(params).fitScore(t, ctx);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void withABeamWiderThanTheTableScoresEqualExact(BaseMethodProvider<Table, Record> provider, Record exact,
            Record hnsw) {
        Table t = gaussian(600, 3, 11);
        Table q = gaussian(50, 3, 12);
        Fit<Table> a = fit(provider, exact, t);
        Fit<Table> b = fit(provider, hnsw, t);
        assertThat(b.trainingScores().toArray()).containsExactly(a.trainingScores().toArray());
        assertThat(b.model().score(q, ctx).toArray()).containsExactly(a.model().score(q, ctx).toArray());
        assertThat(b.model().state()).containsKey("hnsw_seed");
        assertThat(a.model().state()).doesNotContainKey("hnsw_seed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void anHnswModelFileRebuildsTheSameGraph(BaseMethodProvider<Table, Record> provider, Record exact, Record hnsw, @TempDir Path dir) {
        assertRoundTrip(provider, hnsw, gaussian(300, 4, 3), gaussian(40, 4, 4), dir);
    }

    @Test
    void autoStaysExactOnSmallAndLowDimensionalTables() {
        Fit<Table> f = new KnnDistance(KnnParams.DEFAULTS).fitScore(gaussian(2000, 20, 1), ctx);
        assertThat(f.model().state()).doesNotContainKey("hnsw_seed");
        assertThat(KnnParams.DEFAULTS.neighbors()).isEqualTo(Method.AUTO);
    }

    @Test
    void parametersMissingFromAnOldModelFileTakeDefaultsThatKeepItExact() {
        KnnParams p = Params.fromMap(KnnParams.class, KnnParams.DEFAULTS, Map.of("k", 7, "aggregate", "mean"), "knn");
        assertThat(p).isEqualTo(new KnnParams(7, KnnParams.Aggregate.MEAN));
        assertThat(p.search().method()).isEqualTo(Method.AUTO);
        // The index a restored model searches is decided by its state: no recorded graph, exact search.
        Table t = gaussian(50, 2, 1);
        assertThat(KnnDistance.restoreIndex(t, p.search(), Map.of()))
                .isNotInstanceOf(Hnsw.class);
    }

    @Test
    void badNeighbourParametersNameTheChoicesAndRanges() {
        assertThatThrownBy(() -> Params.parse(LofParams.class, LofParams.DEFAULTS, Map.of("neighbors", "annoy"), "lof"))
                .hasMessage("lof: parameter neighbors = 'annoy' is not one of auto|exact|hnsw");
        assertThatThrownBy(() -> Params.parse(CofParams.class, CofParams.DEFAULTS, Map.of("m", "1"), "cof"))
                .hasMessage("cof: parameter m = 1 is out of range; allowed: [2, 512]");
        assertThatThrownBy(() -> Params.parse(KnnParams.class, KnnParams.DEFAULTS, Map.of("efSearch", "0"), "knn"))
                .hasMessage("knn: parameter efSearch = 0 is out of range; allowed: [1, 100000]");
    }

    @Test
    void hnswLofKeepsTheExactAurocOnARealTable() {
        Table t = adbench("23_mammography");
        int[] y = t.labels().orElseThrow();
        Table x = t.withoutLabels();
        double exact = auroc(fit(new LofProvider(), new LofParams(20, Method.EXACT, M, EFC, EF), x).trainingScores().toArray(), y);
        double approx = auroc(fit(new LofProvider(), new LofParams(20, Method.HNSW, M, EFC, EF), x).trainingScores().toArray(), y);
        assertThat(approx).isCloseTo(exact, within(0.005));
    }
}

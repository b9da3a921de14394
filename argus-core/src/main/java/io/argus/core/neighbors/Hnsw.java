package io.argus.core.neighbors;

import io.argus.core.CancelledException;
import io.argus.core.ProgressListener;
import io.argus.core.data.Table;
import io.argus.core.params.Params;
import io.argus.core.vector.VectorKernels;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approximate k-nearest-neighbour search on a Hierarchical Navigable Small World graph.
 *
 * <p>Malkov and Yashunin, "Efficient and robust approximate nearest neighbor search using Hierarchical
 * Navigable Small World graphs", IEEE TPAMI 42(4), 2018. Every point gets a level
 * ⌊−ln(U) · m_L⌋ with U uniform on (0, 1] and m_L = 1 / ln(M), and is linked on each layer from 0 up
 * to its level. Insertion (the paper's Algorithm 1) walks greedily down the layers above the new
 * point's level, then on each of its own layers runs the beam search of Algorithm 2 with
 * {@code efConstruction} candidates, starting from the previous layer's whole result, keeps M of them
 * with the neighbour-selection heuristic of Algorithm 4 (a candidate is kept only if it is closer to
 * the new point than to every neighbour already kept; no extended candidates, no kept pruned
 * connections, as in the paper's and hnswlib's defaults), and links both ways; a neighbour that
 * overflows its limit (M on upper layers, M0 = 2M on layer 0) re-selects its links with the same
 * heuristic. A query (Algorithm 5) walks greedily down to layer 1 and beam-searches layer 0 with
 * max(efSearch, k) candidates, as hnswlib does.
 *
 * <p>Defaults are hnswlib's (github.com/nmslib/hnswlib, the authors' reference implementation):
 * M = {@value #M_DEFAULT} and efConstruction = {@value #EF_CONSTRUCTION_DEFAULT} as in its
 * {@code init_index}, and efSearch = {@value #EF_SEARCH_DEFAULT}, its default {@code ef}. Like
 * hnswlib, a candidate list shorter than M is kept whole rather than pruned.
 *
 * <p>Exact duplicate rows share one node, whose rows are expanded, in index order, when it is found.
 * hnswlib indexes each copy; but with many duplicates the heuristic fills a copy's links with other
 * copies (distance 0 sorts first) and groups of copies drift off from the rest of the graph:
 * 11_donors, 619,326 rows of which 35,421 are distinct and one repeated 93,960 times, gave recall@10
 * 0.87 with every copy indexed. Results are unchanged by this for data without duplicates.
 *
 * <p>Determinism: levels come from a {@link SplittableRandom} seeded with the given seed, the graph is
 * built on one thread in index order, and every comparison breaks distance ties by the smaller index,
 * so the same data and seed give the same graph; queries run in fixed blocks on any number of
 * threads and give the same answer for every thread count. Distances steer the search through
 * {@link VectorKernels#squaredDistance}; the distances returned are recomputed in the same
 * summation order as {@link ExactKnn}'s, bit for bit, so exact and approximate results compare
 * directly. As in {@link ExactKnn}, a self-query excludes the point itself by index while its exact
 * duplicates stay. If a search reaches fewer than k points (a graph over very few points), that query
 * falls back to a full scan.
 *
 * <p>Costs: with u distinct rows, build about O(u log u · efConstruction · d) time after an O(n d)
 * grouping of duplicates; memory O(n d) for the rows (shared with the table; when there are
 * duplicates, plus a copy of the u distinct rows and n + u ints to map them back), and (M0 + 1) ints
 * per node on layer 0 and (M + 1) per node and upper layer, about u · (2M + 1 + (M + 1) / (M − 1))
 * ints in all. A query visits about O(log u · efSearch · M) nodes.
 */
public final class Hnsw extends AbstractSearch {

    /** Links per point on the upper layers; hnswlib's default M. */
    public static final int M_DEFAULT = 16;

    /** Beam width while building; hnswlib's default ef_construction. */
    public static final int EF_CONSTRUCTION_DEFAULT = 200;

    /**
     * Beam width at query time: hnswlib's default ef (10), which its search raises to k, as this one
     * does (to k + 1 for a self-query, whose own point takes a place). Measured recall@10 at this
     * default on in-sample queries: 0.999 on 11_donors, 0.9989 on 10_cover, 0.9984 on 32_shuttle
     * (HnswRecallBenchmark); larger values bought at most 0.001 more there for 3-6x the query time.
     */
    public static final int EF_SEARCH_DEFAULT = 10;

    /** Largest level assigned; the chance of exceeding it with M ≥ 2 is below 2^-32 per point. */
    private static final int MAX_LEVEL = 32;

    /** Insertions between progress reports and cancellation checks. */
    private static final int REPORT_EVERY = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(Hnsw.class);

    /**
     * The graph's parameters.
     *
     * @param m links per point on the upper layers (layer 0 keeps 2M), in [2, 512]
     * @param efConstruction beam width while building, in [1, 100000]; raised to M when smaller
     * @param efSearch beam width at query time, in [1, 100000]; raised to k (k + 1 for self-queries) when smaller
     */
    public record Options(int m, int efConstruction, int efSearch) {

        /** hnswlib's defaults: M = 16, efConstruction = 200, efSearch = 10. */
        public static final Options DEFAULTS = new Options(M_DEFAULT, EF_CONSTRUCTION_DEFAULT, EF_SEARCH_DEFAULT);

        public Options {
            Params.checkRange("m", m, 2, 512);
            Params.checkRange("efConstruction", efConstruction, 1, 100_000);
            Params.checkRange("efSearch", efSearch, 1, 100_000);
        }
    }

    private final Table table;
    private final Options options;
    private final long seed;
    private final int m;
    private final int m0;
    private final int efConstruction;
    /** Number of graph nodes: distinct rows. */
    private final int nodes;
    /** Coordinates of the nodes, row-major ({@code data} itself when all rows are distinct). */
    private final float[] points;
    /** Rows of node v are {@code members[groupStart[v] .. groupStart[v+1])}, ascending; null when all rows are distinct. */
    private final int[] groupStart;
    private final int[] members;
    private final byte[] levels;
    /** Layer 0: for point i, {@code links0[i*(m0+1)]} is the count and the links follow. */
    private final int[] links0;
    /** Layers 1..level of point i: {@code upper[i][(l-1)*(m+1)]} is the count on layer l, links follow; null at level 0. */
    private final int[][] upper;
    private int entry = -1;
    private int maxLevel = -1;

    private Hnsw(Table table, Options options, long seed, ProgressListener progress, BooleanSupplier cancelled) {
        super(table);
        this.table = table;
        this.options = options;
        this.seed = seed;
        this.m = options.m();
        this.m0 = 2 * options.m();
        this.efConstruction = Math.max(options.efConstruction(), m);
        Distinct distinct = Distinct.of(data, n, d);
        this.nodes = distinct.count();
        this.points = distinct.points();
        this.groupStart = distinct.groupStart();
        this.members = distinct.members();
        this.levels = new byte[nodes];
        this.links0 = new int[Math.multiplyExact(nodes, m0 + 1)];
        this.upper = new int[nodes][];
        double mL = 1.0 / Math.log(m);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < nodes; i++) {
            int level = (int) Math.min(MAX_LEVEL, Math.floor(-Math.log(1.0 - rnd.nextDouble()) * mL));
            levels[i] = (byte) level;
            if (level > 0) {
                upper[i] = new int[level * (m + 1)];
            }
        }
        long t0 = System.nanoTime();
        progress.start("hnsw: indexing " + nodes + " distinct rows", nodes);
        Builder b = new Builder();
        for (int i = 0; i < nodes; i++) {
            if (i % REPORT_EVERY == REPORT_EVERY - 1) {
                progress.advance(REPORT_EVERY);
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw new CancelledException("hnsw build cancelled after " + (i + 1) + " of " + nodes + " distinct rows");
                }
            }
            b.insert(i);
        }
        progress.done();
        LOG.debug("hnsw over {}x{} ({} distinct rows, M = {}, efConstruction = {}): {} levels, built in {} ms", n, d, nodes, m,
                efConstruction, maxLevel + 1, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Builds the graph over the rows of {@code data} (held, not copied).
     *
     * @param seed seeds the level assignment; the same data and seed give the same graph
     * @throws IllegalArgumentException when the table has no rows
     */
    public static Hnsw build(Table data, Options options, long seed) {
        return build(data, options, seed, ProgressListener.NONE, () -> false);
    }

    /**
     * Builds the graph as {@link #build(Table, Options, long)}, reporting progress in rows and stopping
     * with {@link CancelledException} when {@code cancelled} turns true or the thread is interrupted.
     */
    public static Hnsw build(Table data, Options options, long seed, ProgressListener progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        if (data.rows() < 1) {
            throw new IllegalArgumentException("hnsw needs at least 1 row to index, got 0");
        }
        return new Hnsw(data, options, seed, Objects.requireNonNull(progress, "progress"), Objects.requireNonNull(cancelled, "cancelled"));
    }

    private Hnsw(Hnsw graph, Options options) {
        super(graph.table);
        this.table = graph.table;
        this.options = options;
        this.seed = graph.seed;
        this.m = graph.m;
        this.m0 = graph.m0;
        this.efConstruction = graph.efConstruction;
        this.nodes = graph.nodes;
        this.points = graph.points;
        this.groupStart = graph.groupStart;
        this.members = graph.members;
        this.levels = graph.levels;
        this.links0 = graph.links0;
        this.upper = graph.upper;
        this.entry = graph.entry;
        this.maxLevel = graph.maxLevel;
    }

    /**
     * The same graph (shared, not copied) searched with another beam width: trades query time for
     * recall without rebuilding.
     */
    public Hnsw withEfSearch(int efSearch) {
        return new Hnsw(this, new Options(options.m(), options.efConstruction(), efSearch));
    }

    /** The parameters the graph was built with. */
    public Options options() {
        return options;
    }

    /** The seed of the level assignment. */
    public long seed() {
        return seed;
    }

    /** Number of layers (the highest level plus one). */
    public int layers() {
        return maxLevel + 1;
    }

    /** Number of graph nodes: the distinct rows (exact duplicates share one node). */
    public int distinctRows() {
        return nodes;
    }

    /** Links of node i on a layer, for tests. */
    int[] links(int i, int layer) {
        int[] arr = layer == 0 ? links0 : upper[i];
        int off = layer == 0 ? i * (m0 + 1) : (layer - 1) * (m + 1);
        return java.util.Arrays.copyOfRange(arr, off + 1, off + 1 + arr[off]);
    }

    private float dist(float[] q, int qOff, int p) {
        return VectorKernels.squaredDistance(q, qOff, points, p * d, d);
    }

    /** Per-thread search state: a visited mark per point and the two heaps of Algorithm 2. */
    private final class Scratch {
        final int[] visited = new int[nodes];
        int stamp;
        final ScoredHeap candidates = new ScoredHeap(false, 64);
        final ScoredHeap results = new ScoredHeap(true, 64);
        int[] outIdx = new int[64];
        float[] outDist = new float[64];

        /** Starts a new search: nothing visited, both heaps empty. */
        void reset() {
            if (++stamp == Integer.MAX_VALUE) {
                java.util.Arrays.fill(visited, 0);
                stamp = 1;
            }
            candidates.clear();
            results.clear();
        }

        void enter(float dist, int p) {
            visited[p] = stamp;
            candidates.push(dist, p);
            results.push(dist, p);
        }

        /** Drains the results ascending into outIdx/outDist; returns the count. */
        int drain() {
            if (outIdx.length < results.size()) {
                outIdx = new int[results.size() * 2];
                outDist = new float[results.size() * 2];
            }
            return results.drainAscending(outIdx, outDist);
        }
    }

    /** The closest point found by greedy descent from {@code ep} through layers {@code top} down to {@code bottom + 1}. */
    private int greedy(float[] q, int qOff, int ep, int top, int bottom, float[] epDist) {
        float best = epDist[0];
        for (int layer = top; layer > bottom; layer--) {
            boolean changed = true;
            while (changed) {
                changed = false;
                int[] arr = upper[ep];
                int off = (layer - 1) * (m + 1);
                int cnt = arr[off];
                for (int j = 1; j <= cnt; j++) {
                    int e = arr[off + j];
                    float de = dist(q, qOff, e);
                    if (ScoredHeap.after(best, ep, de, e)) {
                        best = de;
                        ep = e;
                        changed = true;
                    }
                }
            }
        }
        epDist[0] = best;
        return ep;
    }

    /**
     * The paper's Algorithm 2 on one layer: expands the nearest unexpanded candidate until it is
     * farther than the ef-th result. Entry points must already be in the scratch heaps.
     */
    private void searchLayer(float[] q, int qOff, int layer, int ef, Scratch s) {
        ScoredHeap cand = s.candidates;
        ScoredHeap res = s.results;
        int[] visited = s.visited;
        int stamp = s.stamp;
        while (cand.size() > 0) {
            float cd = cand.topDist();
            int c = cand.topIndex();
            if (res.size() >= ef && ScoredHeap.after(cd, c, res.topDist(), res.topIndex())) {
                break;
            }
            cand.pop();
            int[] arr = layer == 0 ? links0 : upper[c];
            int off = layer == 0 ? c * (m0 + 1) : (layer - 1) * (m + 1);
            int cnt = arr[off];
            for (int j = 1; j <= cnt; j++) {
                int e = arr[off + j];
                if (visited[e] == stamp) {
                    continue;
                }
                visited[e] = stamp;
                float de = dist(q, qOff, e);
                if (res.size() < ef || ScoredHeap.after(res.topDist(), res.topIndex(), de, e)) {
                    cand.push(de, e);
                    res.push(de, e);
                    if (res.size() > ef) {
                        res.pop();
                    }
                }
            }
        }
    }

    /** Insertion state: one scratch plus buffers for the neighbour heuristic. */
    private final class Builder {
        final Scratch s = new Scratch();
        final float[] epDist = new float[1];
        int[] layerIdx = new int[0];
        float[] layerDist = new float[0];
        final int[] selected = new int[m0 + 1];
        final int[] shrinkIdx = new int[m0 + 1];
        final float[] shrinkDist = new float[m0 + 1];

        void insert(int q) {
            int level = levels[q];
            if (entry < 0) {
                entry = q;
                maxLevel = level;
                return;
            }
            int qOff = q * d;
            epDist[0] = dist(points, qOff, entry);
            int ep = greedy(points, qOff, entry, maxLevel, level, epDist);
            s.reset();
            s.enter(epDist[0], ep);
            for (int layer = Math.min(level, maxLevel); layer >= 0; layer--) {
                searchLayer(points, qOff, layer, efConstruction, s);
                int w = s.drain();
                if (layerIdx.length < w) {
                    layerIdx = new int[w];
                    layerDist = new float[w];
                }
                System.arraycopy(s.outIdx, 0, layerIdx, 0, w);
                System.arraycopy(s.outDist, 0, layerDist, 0, w);
                int chosen = selectNeighbours(q, layerIdx, layerDist, w, m, selected);
                int[] arr = layer == 0 ? links0 : upper[q];
                int off = layer == 0 ? q * (m0 + 1) : (layer - 1) * (m + 1);
                arr[off] = chosen;
                System.arraycopy(selected, 0, arr, off + 1, chosen);
                for (int j = 0; j < chosen; j++) {
                    link(arr[off + 1 + j], q, layer);
                }
                if (layer > 0) {
                    // The paper's ep ← W: the whole result of this layer seeds the next one.
                    s.reset();
                    for (int j = 0; j < w; j++) {
                        s.enter(layerDist[j], layerIdx[j]);
                    }
                }
            }
            if (level > maxLevel) {
                maxLevel = level;
                entry = q;
            }
        }

        /** Adds q to e's links on a layer, re-selecting e's links with the heuristic when they overflow. */
        void link(int e, int q, int layer) {
            int[] arr = layer == 0 ? links0 : upper[e];
            int off = layer == 0 ? e * (m0 + 1) : (layer - 1) * (m + 1);
            int max = layer == 0 ? m0 : m;
            int cnt = arr[off];
            if (cnt < max) {
                arr[off + 1 + cnt] = q;
                arr[off] = cnt + 1;
                return;
            }
            int eOff = e * d;
            for (int j = 0; j < cnt; j++) {
                shrinkIdx[j] = arr[off + 1 + j];
            }
            shrinkIdx[cnt] = q;
            int total = cnt + 1;
            for (int j = 0; j < total; j++) {
                shrinkDist[j] = dist(points, eOff, shrinkIdx[j]);
            }
            sortAscending(shrinkIdx, shrinkDist, total);
            int chosen = selectNeighbours(e, shrinkIdx, shrinkDist, total, max, selected);
            arr[off] = chosen;
            System.arraycopy(selected, 0, arr, off + 1, chosen);
        }

        /**
         * The paper's Algorithm 4 (SELECT-NEIGHBORS-HEURISTIC) without extension or kept pruned
         * connections: walks the candidates nearest first and keeps one when it is closer to the base
         * point than to every point already kept. Candidates are ascending by (distance, index).
         */
        int selectNeighbours(int base, int[] idx, float[] dist, int count, int max, int[] out) {
            if (count < max) {
                // hnswlib's getNeighborsByHeuristic2 keeps a list shorter than M whole.
                System.arraycopy(idx, 0, out, 0, count);
                return count;
            }
            int chosen = 0;
            for (int i = 0; i < count && chosen < max; i++) {
                int e = idx[i];
                if (e == base) {
                    continue;
                }
                float de = dist[i];
                int eOff = e * d;
                boolean good = true;
                for (int r = 0; r < chosen; r++) {
                    if (VectorKernels.squaredDistance(points, eOff, points, out[r] * d, d) < de) {
                        good = false;
                        break;
                    }
                }
                if (good) {
                    out[chosen++] = e;
                }
            }
            return chosen;
        }
    }

    /** Insertion sort by (distance, index): the lists are at most 2M + 1 long. */
    private static void sortAscending(int[] idx, float[] dist, int count) {
        for (int i = 1; i < count; i++) {
            float dv = dist[i];
            int iv = idx[i];
            int j = i - 1;
            while (j >= 0 && ScoredHeap.after(dist[j], idx[j], dv, iv)) {
                dist[j + 1] = dist[j];
                idx[j + 1] = idx[j];
                j--;
            }
            dist[j + 1] = dv;
            idx[j + 1] = iv;
        }
    }

    @Override
    void search(float[] queries, int nq, boolean self, int k, int threads, int[] outIdx, float[] outDist) {
        int blocks = (nq + QUERY_BLOCK - 1) / QUERY_BLOCK;
        int ef = Math.max(options.efSearch(), self ? k + 1 : k);
        Parallel.forEachBlock(blocks, threads, () -> {
            Scratch s = new Scratch();
            float[] epDist = new float[1];
            ScoredHeap top = new ScoredHeap(true, k + 1);
            int[] idx = new int[k];
            float[] sq = new float[k];
            IntConsumer worker = b -> {
                int q1 = Math.min(nq, (b + 1) * QUERY_BLOCK);
                for (int qi = b * QUERY_BLOCK; qi < q1; qi++) {
                    int qOff = qi * d;
                    epDist[0] = dist(queries, qOff, entry);
                    int ep = greedy(queries, qOff, entry, maxLevel, 0, epDist);
                    s.reset();
                    s.enter(epDist[0], ep);
                    searchLayer(queries, qOff, 0, ef, s);
                    int w = s.drain();
                    int skip = self ? qi : -1;
                    top.clear();
                    for (int j = 0; j < w; j++) {
                        int node = s.outIdx[j];
                        float dn = inOrderSquaredDistance(queries, qOff, points, node);
                        int from = groupStart == null ? node : groupStart[node];
                        int to = groupStart == null ? node + 1 : groupStart[node + 1];
                        // A node's rows share its distance and come in index order, so the first that
                        // cannot enter the k best ends the node.
                        for (int g = from; g < to; g++) {
                            int row = groupStart == null ? g : members[g];
                            if (row == skip) {
                                continue;
                            }
                            if (top.size() < k) {
                                top.push(dn, row);
                            } else if (ScoredHeap.after(top.topDist(), top.topIndex(), dn, row)) {
                                top.pop();
                                top.push(dn, row);
                            } else {
                                break;
                            }
                        }
                    }
                    int found = top.size() < k ? scanAll(queries, qOff, skip, k, idx, sq) : top.drainAscending(idx, sq);
                    int o = qi * k;
                    for (int j = 0; j < found; j++) {
                        outIdx[o + j] = idx[j];
                        outDist[o + j] = (float) Math.sqrt(sq[j]);
                    }
                }
            };
            return worker;
        });
    }

    /** Fallback when the graph search reached fewer than k rows: the k nearest rows by a full scan. */
    private int scanAll(float[] q, int qOff, int skip, int k, int[] idx, float[] dist) {
        ScoredHeap heap = new ScoredHeap(true, k + 1);
        for (int p = 0; p < n; p++) {
            if (p != skip) {
                float dp = inOrderSquaredDistance(q, qOff, data, p);
                if (heap.size() < k || ScoredHeap.after(heap.topDist(), heap.topIndex(), dp, p)) {
                    heap.push(dp, p);
                    if (heap.size() > k) {
                        heap.pop();
                    }
                }
            }
        }
        return heap.drainAscending(idx, dist);
    }

    /**
     * Squared distance summed over the dimensions in order with one fused multiply-add each, the order
     * of {@link VectorKernels#blockSquaredDistances} that {@link ExactKnn} uses, so that returned
     * distances match the exact search's bit for bit.
     */
    private float inOrderSquaredDistance(float[] q, int qOff, float[] pts, int p) {
        float acc = 0f;
        int pOff = p * d;
        for (int j = 0; j < d; j++) {
            float diff = pts[pOff + j] - q[qOff + j];
            acc = Math.fma(diff, diff, acc);
        }
        return acc;
    }
}

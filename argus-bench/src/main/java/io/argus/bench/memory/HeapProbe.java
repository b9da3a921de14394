package io.argus.bench.memory;

import io.argus.bench.MethodSpec;
import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Fit;
import io.argus.core.data.Table;
import io.argus.core.io.TableReaders;
import io.argus.core.params.MethodRegistry;
import io.argus.metrics.BinaryMetrics;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fits one table method and scores with it under the JVM's heap limit, and reports how much heap it
 * took: the ADBench protocol (fitScore on all rows) followed by scoring all rows again through the
 * fitted model (the path {@code argus score} takes), so both the in-sample and the novelty code paths
 * are exercised.
 *
 * <p>Three heap figures, in MiB: {@code peak_polled} is the largest heap occupancy seen by a thread
 * sampling {@link java.lang.management.MemoryMXBean} every 10 ms (includes garbage not yet
 * collected, so an upper bound of what was needed, yet it can miss a short spike); {@code peak_pools}
 * sums each heap pool's own peak (an upper bound, since pools peak at different times);
 * {@code live_model} is the heap in use after a full GC with the data and the fitted model still
 * reachable (what a long-lived scoring service would hold). {@code status} is {@code ok} or
 * {@code oom} (an {@link OutOfMemoryError} under the {@code -Xmx} given). Run one method per JVM:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Xmx4g -cp "argus-cli/target/argus-cli.jar:argus-cli/target/lib/*" \
 *   io.argus.bench.memory.HeapProbe ../shared/data/adbench_classical/11_donors.npz lof 2
 * </pre>
 *
 * {@code bench/memory/donors_heap.sh} runs every table method this way, one at a time.
 */
public final class HeapProbe {

    private HeapProbe() {
    }

    /**
     * Arguments: the table file (labels in it are used only for a sanity AUROC), the method with
     * optional parameters as in {@code argus bench --methods} ({@code lof}, {@code knn[neighbors=hnsw]}),
     * and optionally the thread count (default 2) and seed (default 0).
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: HeapProbe TABLE.npz METHOD[params] [THREADS] [SEED]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        MethodSpec spec = MethodSpec.parse(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 0L;
        long maxHeap = Runtime.getRuntime().maxMemory();

        Table table = TableReaders.read(file);
        int[] labels = table.labels().orElse(null);
        Table x = table.withoutLabels();
        table = null;
        Detector<?> raw = spec.detector(MethodRegistry.load());
        @SuppressWarnings("unchecked")
        Detector<Table> detector = (Detector<Table>) raw;

        fullGc();
        long baseline = used();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        sampler.start();

        String status = "ok";
        double fitSeconds = Double.NaN;
        double scoreSeconds = Double.NaN;
        double auroc = Double.NaN;
        long live = -1;
        try (Context ctx = Context.builder().seed(seed).threads(threads).build()) {
            long t0 = System.nanoTime();
            Fit<Table> fit = detector.fitScore(x, ctx);
            long t1 = System.nanoTime();
            double[] again = fit.model().score(x, ctx).values();
            long t2 = System.nanoTime();
            fitSeconds = (t1 - t0) / 1e9;
            scoreSeconds = (t2 - t1) / 1e9;
            if (labels != null) {
                auroc = BinaryMetrics.byName("auroc").compute(fit.trainingScores().values(), labels);
            }
            sampler.interrupt();
            sampler.join();
            fullGc();
            live = used();
            java.lang.ref.Reference.reachabilityFence(fit);
            if (again.length != x.rows()) {
                throw new IllegalStateException("scored " + again.length + " of " + x.rows() + " rows");
            }
        } catch (OutOfMemoryError e) {
            status = "oom";
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        long pools = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pools += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(String.format(Locale.ROOT,
                "method=%s file=%s rows=%d cols=%d threads=%d xmx_mib=%d status=%s fit_s=%.1f score_s=%.1f auroc=%.4f"
                        + " baseline_mib=%d peak_polled_mib=%d peak_pools_mib=%d live_model_mib=%s",
                spec.label(), file.getFileName(), x.rows(), x.cols(), threads, maxHeap >> 20, status, fitSeconds, scoreSeconds,
                auroc, baseline >> 20, peak.get() >> 20, pools >> 20, live < 0 ? "-" : Long.toString(live >> 20)));
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void fullGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
    }
}

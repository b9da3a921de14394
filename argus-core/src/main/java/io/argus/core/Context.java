package io.argus.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a method needs from its surroundings: seeded randomness, a thread pool, a progress listener,
 * cancellation and a folder for temporary files.
 *
 * <p>Randomness never depends on the thread count: a method asks for one stream per logical task
 * ({@link #random(long)}, e.g. one per tree of a forest) and the stream depends only on the seed and
 * the task id. Work is split into fixed blocks ({@link #parallelFor}) whose boundaries do not depend on
 * the thread count either, so the same data and seed give the same result on 1 or 16 threads.
 *
 * <p>A context that created its own pool owns it; close the context to release it.
 */
public final class Context implements AutoCloseable {

    /** The seed used when none is given. */
    public static final long SEED_DEFAULT = 42L;

    private final long seed;
    private final int threads;
    private final ForkJoinPool pool;
    private final boolean ownsPool;
    private final ProgressListener progress;
    private final AtomicBoolean cancelled;
    private final Path tempDir;

    private Context(long seed, int threads, ForkJoinPool pool, boolean ownsPool, ProgressListener progress,
            AtomicBoolean cancelled, Path tempDir) {
        this.seed = seed;
        this.threads = threads;
        this.pool = pool;
        this.ownsPool = ownsPool;
        this.progress = progress;
        this.cancelled = cancelled;
        this.tempDir = tempDir;
    }

    /** A context with the default seed, one thread per available processor and no progress reporting. */
    public static Context defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The master seed. */
    public long seed() {
        return seed;
    }

    /** The number of worker threads. */
    public int threads() {
        return threads;
    }

    /** The progress listener (never null). */
    public ProgressListener progress() {
        return progress;
    }

    /** The folder for temporary files. */
    public Path tempDir() {
        return tempDir;
    }

    /**
     * A random stream for one logical task, a function of the master seed and {@code stream} only.
     * Different stream ids give independent streams.
     */
    public SplittableRandom random(long stream) {
        return new SplittableRandom(mix(mix(seed) ^ mix(stream + 0x9E3779B97F4A7C15L)));
    }

    /** The same settings with another seed (sharing pool, progress and cancellation). */
    public Context withSeed(long newSeed) {
        return new Context(newSeed, threads, pool, false, progress, cancelled, tempDir);
    }

    /** The same settings with another progress listener (sharing pool and cancellation). */
    public Context withProgress(ProgressListener listener) {
        return new Context(seed, threads, pool, false, Objects.requireNonNull(listener), cancelled, tempDir);
    }

    /** Requests cancellation; running methods stop at their next check with {@link CancelledException}. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Whether cancellation was requested. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link CancelledException} when cancellation was requested. Methods call it between blocks of work. */
    public void checkCancelled() {
        if (cancelled.get()) {
            throw new CancelledException("cancelled");
        }
    }

    /** A body of work over a half-open range of indices. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [0, n) split into blocks of {@code blockSize} on the pool, and waits.
     * Block boundaries depend only on n and blockSize, never on the thread count. Cancellation is
     * checked before each block. An exception in a block is rethrown (unchecked) after all blocks end.
     */
    public void parallelFor(int n, int blockSize, RangeBody body) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be >= 1, got " + blockSize);
        }
        int blocks = (int) ((n + (long) blockSize - 1) / blockSize);
        if (threads == 1 || blocks <= 1) {
            for (int b = 0; b < blocks; b++) {
                checkCancelled();
                int from = b * blockSize;
                body.run(from, Math.min(n, from + blockSize));
            }
            return;
        }
        // Exceptions are caught inside the tasks and rethrown as they are: ForkJoinPool would otherwise
        // hand back a reflective copy wrapped around the original.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Future<?>> futures = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            int from = b * blockSize;
            int to = Math.min(n, from + blockSize);
            futures.add(pool.submit(() -> {
                if (failure.get() != null) {
                    return;
                }
                try {
                    checkCancelled();
                    body.run(from, to);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                failure.compareAndSet(null, new CancelledException("interrupted"));
            } catch (ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void close() {
        if (ownsPool && pool != null) {
            pool.shutdown();
        }
    }

    /** SplitMix64's finaliser: a bijective mix so nearby seeds give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Builds a {@link Context}. */
    public static final class Builder {
        private long seed = SEED_DEFAULT;
        private int threads = Runtime.getRuntime().availableProcessors();
        private ProgressListener progress = ProgressListener.NONE;
        private Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));

        private Builder() {
        }

        /** The master seed (any long). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Worker threads, 1..1024. */
        public Builder threads(int value) {
            if (value < 1 || value > 1024) {
                throw new IllegalArgumentException("threads = " + value + " must be in [1, 1024]");
            }
            this.threads = value;
            return this;
        }

        /** The progress listener. */
        public Builder progress(ProgressListener value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /** The folder for temporary files. */
        public Builder tempDir(Path value) {
            this.tempDir = Objects.requireNonNull(value, "tempDir");
            return this;
        }

        /** A new context; it owns its pool when threads > 1. */
        public Context build() {
            ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
            return new Context(seed, threads, pool, true, progress, new AtomicBoolean(), tempDir);
        }
    }
}

package io.argus.core.neighbors;

import io.argus.core.CancelledException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/** Runs fixed blocks of work on a few short-lived threads, each with its own scratch state. */
final class Parallel {

    private Parallel() {
    }

    static void checkThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " must be >= 1");
        }
    }

    /**
     * Calls a worker's consumer once for every block in [0, blocks). Which thread runs a block does
     * not matter: blocks write disjoint parts of the result and read shared data only.
     */
    static void forEachBlock(int blocks, int threads, Supplier<IntConsumer> workerFactory) {
        int t = Math.min(threads, blocks);
        if (t <= 1) {
            IntConsumer w = workerFactory.get();
            for (int b = 0; b < blocks; b++) {
                // An interrupt (a benchmark's time limit, a cancelled request) stops the search between blocks.
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancelledException("neighbour search interrupted");
                }
                w.accept(b);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] workers = new Thread[t];
        for (int i = 0; i < t; i++) {
            workers[i] = new Thread(() -> {
                try {
                    IntConsumer w = workerFactory.get();
                    for (int b; (b = next.getAndIncrement()) < blocks && failure.get() == null; ) {
                        w.accept(b);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "argus-knn-" + i);
            workers[i].setDaemon(true);
            workers[i].start();
        }
        try {
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            next.set(blocks);
            Thread.currentThread().interrupt();
            throw new CancelledException("neighbour search interrupted");
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error err) {
            throw err;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
    }
}

package io.argus.cli;

import io.argus.core.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Draws a progress bar on the terminal for tasks that run longer than a second: a bar with percentage
 * and time left when the task counts its units, the elapsed time otherwise. A daemon ticker redraws
 * it, so tasks that cannot count (a neighbour search) still show life. It stays silent when standard
 * error is not a terminal (logs, CI), so redirected output holds no carriage returns.
 */
final class ConsoleProgress implements ProgressListener {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean enabled;
    private final AtomicLong done = new AtomicLong();
    private final ScheduledExecutorService ticker;
    private volatile String task = "";
    private volatile long total = -1;
    private volatile long started;
    private volatile boolean drawn;
    private ScheduledFuture<?> tick;

    ConsoleProgress(PrintStream out) {
        this(out, System.console() != null || "1".equals(System.getenv("ARGUS_PROGRESS")));
    }

    ConsoleProgress(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
        this.ticker = enabled ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "argus-progress");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    @Override
    public synchronized void start(String name, long units) {
        stopTicking();
        task = name;
        total = units;
        done.set(0);
        started = System.nanoTime();
        drawn = false;
        if (enabled) {
            tick = ticker.scheduleAtFixedRate(this::redraw, 200, 200, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void advance(long units) {
        done.addAndGet(units);
    }

    @Override
    public synchronized void done() {
        stopTicking();
        if (enabled && drawn) {
            draw(total >= 0 ? total : done.get());
            synchronized (out) {
                out.print('\n');
                out.flush();
            }
        }
        drawn = false;
    }

    private void stopTicking() {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
    }

    private void redraw() {
        if (System.nanoTime() - started > SHOW_AFTER_NANOS) {
            draw(done.get());
        }
    }

    private void draw(long d) {
        double secs = (System.nanoTime() - started) / 1e9;
        String line;
        if (total > 0) {
            double frac = Math.min(1, (double) d / total);
            int filled = (int) Math.round(frac * WIDTH);
            double eta = frac > 0 ? secs / frac - secs : Double.NaN;
            line = String.format(Locale.ROOT, "\r%s [%s%s] %3.0f%% %.1fs%s", task, "#".repeat(filled), ".".repeat(WIDTH - filled),
                    frac * 100, secs, Double.isNaN(eta) || frac >= 1 ? "          " : String.format(Locale.ROOT, " (%.0fs left)   ", eta));
        } else {
            line = String.format(Locale.ROOT, "\r%s ... %.1fs   ", task, secs);
        }
        synchronized (out) {
            out.print(line);
            out.flush();
        }
        drawn = true;
    }
}

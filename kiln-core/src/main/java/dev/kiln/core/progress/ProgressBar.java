package dev.kiln.core.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A bar redrawn in place on a terminal at most ten times a second: done/total, rate and time left. */
final class ProgressBar implements Progress {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 24;

    private final String task;
    private final long total;
    private final PrintStream out;
    private final LongSupplier clock;
    private final long started;
    private final AtomicLong done = new AtomicLong();
    private volatile String status = "";
    private long lastDraw;
    private int lastWidth;
    private boolean closed;

    ProgressBar(String task, long total, PrintStream out, LongSupplier clock) {
        this.task = task;
        this.total = total;
        this.out = out;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.lastDraw = started - REDRAW_NANOS;
    }

    @Override
    public void advance(long steps) {
        done.addAndGet(steps);
        maybeDraw(false);
    }

    @Override
    public void status(String status) {
        this.status = status == null ? "" : status;
        maybeDraw(false);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            draw(clock.getAsLong());
            out.print('\n');
            out.flush();
            closed = true;
        }
    }

    private void maybeDraw(boolean force) {
        long now = clock.getAsLong();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        synchronized (this) {
            if (!closed && (force || now - lastDraw >= REDRAW_NANOS)) {
                draw(now);
            }
        }
    }

    private void draw(long now) {
        lastDraw = now;
        String line = render(task, done.get(), total, (now - started) / 1e9, status);
        int pad = Math.max(0, lastWidth - line.length());
        out.print('\r' + line + " ".repeat(pad));
        out.flush();
        lastWidth = line.length();
    }

    /** One frame of the bar, e.g. {@code Training [██████··········]  40%  400/1000  123.0/s  ETA 0:05  loss 0.2}. */
    static String render(String task, long done, long total, double elapsedSeconds, String status) {
        StringBuilder sb = new StringBuilder(task).append(' ');
        double rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            sb.append('[').append("█".repeat(filled)).append("·".repeat(BAR_WIDTH - filled)).append(']');
            sb.append(String.format(Locale.ROOT, " %3d%%  ", (int) Math.floor(fraction * 100)));
            sb.append(ProgressFormat.count(done)).append('/').append(ProgressFormat.count(total));
            sb.append("  ").append(ProgressFormat.count(rate)).append("/s");
            double left = rate > 0 ? (total - done) / rate : Double.NaN;
            sb.append(done >= total ? "  done in " + ProgressFormat.duration(elapsedSeconds) : "  ETA " + ProgressFormat.duration(left));
        } else {
            sb.append(ProgressFormat.count(done)).append("  ").append(ProgressFormat.count(rate)).append("/s  ")
                    .append(ProgressFormat.duration(elapsedSeconds));
        }
        if (status != null && !status.isEmpty()) {
            sb.append("  ").append(status);
        }
        return sb.toString();
    }
}

package dev.kiln.core.progress;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Progress as an INFO log line every ten seconds, and one at the end of work that took over a second, for logs and pipes. */
final class ProgressLog implements Progress {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private static final long INTERVAL_NANOS = 10_000_000_000L;
    /** Work shorter than this ends without a line: its result says enough. */
    private static final long QUIET_NANOS = 1_000_000_000L;

    private final String task;
    private final long total;
    private final LongSupplier clock;
    private final long started;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong nextReport;
    private volatile String status = "";
    private volatile boolean closed;

    ProgressLog(String task, long total, LongSupplier clock) {
        this.task = task;
        this.total = total;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.nextReport = new AtomicLong(started + INTERVAL_NANOS);
    }

    @Override
    public void advance(long steps) {
        done.addAndGet(steps);
        long now = clock.getAsLong();
        long due = nextReport.get();
        if (now >= due && nextReport.compareAndSet(due, now + INTERVAL_NANOS)) {
            LOG.info(line(now));
        }
    }

    @Override
    public void status(String status) {
        this.status = status == null ? "" : status;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            long now = clock.getAsLong();
            if (now - started >= QUIET_NANOS) {
                LOG.info(line(now));
            }
        }
    }

    String line(long now) {
        double elapsed = (now - started) / 1e9;
        long d = done.get();
        double rate = elapsed > 0 ? d / elapsed : 0;
        StringBuilder sb = new StringBuilder(task).append(": ");
        if (total > 0) {
            sb.append(String.format(Locale.ROOT, "%d%% (%s/%s)", (int) Math.floor(100.0 * Math.min(d, total) / total),
                    ProgressFormat.count(d), ProgressFormat.count(total)));
        } else {
            sb.append(ProgressFormat.count(d));
        }
        sb.append(", ").append(ProgressFormat.count(rate)).append("/s, elapsed ").append(ProgressFormat.duration(elapsed));
        if (total > 0 && d < total && rate > 0) {
            sb.append(", ETA ").append(ProgressFormat.duration((total - d) / rate));
        }
        if (!status.isEmpty()) {
            sb.append(", ").append(status);
        }
        return sb.toString();
    }
}

package dev.kiln.core.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntConsumer;
import org.slf4j.LoggerFactory;

/**
 * The worker threads Kiln's parallel kernels run on: one fork/join pool sized to the
 * machine's cores (or to the system property {@code kiln.threads}). Work is split into
 * fixed, index-addressed parts, so results never depend on which thread ran what.
 */
public final class Parallelism {
    private static final int THREADS = configuredThreads();
    /** How long a waiting caller spins before it blocks: about what a thread takes to wake. */
    private static final long SPIN_NANOS = 100_000;
    private static final ForkJoinPool POOL = new ForkJoinPool(THREADS, pool -> {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setName("kiln-worker-" + t.getPoolIndex());
        t.setDaemon(true);
        return t;
    }, null, false);

    private Parallelism() {
    }

    /** How many threads parallel kernels use by default. */
    public static int threads() {
        return THREADS;
    }

    /** The shared pool. */
    public static ForkJoinPool pool() {
        return POOL;
    }

    /**
     * Runs {@code part.accept(i)} for every i in [0, parts), in parallel when {@code parts > 1},
     * and returns when all are done. An exception in any part is rethrown.
     */
    public static void forEachPart(int parts, IntConsumer part) {
        if (parts <= 1) {
            if (parts == 1) {
                part.accept(0);
            }
            return;
        }
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == POOL) {
            runAll(parts, part);
        } else {
            runFromOutside(parts, part);
        }
    }

    /** Work on the items [from, to) of a range. */
    @FunctionalInterface
    public interface RangeBody {
        void accept(int from, int to);
    }

    /**
     * Runs {@code body} over [0, n) cut into consecutive ranges of at least {@code minPerPart}
     * items, at most four per thread (one range when n is below twice the minimum), in parallel;
     * range k is always the same items, so per-range results can be combined in order.
     */
    public static void forEachRange(int n, int minPerPart, RangeBody body) {
        int parts = Math.max(1, Math.min(n / Math.max(1, minPerPart), THREADS * 4));
        forEachPart(parts, part -> body.accept((int) ((long) n * part / parts), (int) ((long) n * (part + 1) / parts)));
    }

    /**
     * From a thread outside the pool: parts 1.. go to the pool, part 0 runs here, so one handoff
     * fewer than handing everything to the pool; waiting spins briefly before blocking, because
     * the other parts usually finish within microseconds of this one.
     */
    private static void runFromOutside(int parts, IntConsumer part) {
        List<ForkJoinTask<?>> tasks = new ArrayList<>(parts - 1);
        for (int i = 1; i < parts; i++) {
            int index = i;
            tasks.add(POOL.submit(() -> part.accept(index)));
        }
        RuntimeException failure = null;
        try {
            part.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (ForkJoinTask<?> task : tasks) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (!task.isDone() && System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            }
            failure = joined(task, failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void runAll(int parts, IntConsumer part) {
        List<ForkJoinTask<?>> tasks = new ArrayList<>(parts);
        for (int i = 1; i < parts; i++) {
            int index = i;
            tasks.add(ForkJoinTask.adapt(() -> part.accept(index)).fork());
        }
        RuntimeException failure = null;
        try {
            part.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int i = tasks.size() - 1; i >= 0; i--) {
            failure = joined(tasks.get(i), failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Joins {@code task}; returns the first failure so far, with this task's added as suppressed. */
    private static RuntimeException joined(ForkJoinTask<?> task, RuntimeException failure) {
        try {
            task.join();
            return failure;
        } catch (RuntimeException e) {
            if (failure == null) {
                return e;
            }
            failure.addSuppressed(e);
            return failure;
        }
    }

    private static int configuredThreads() {
        String value = System.getProperty("kiln.threads");
        int cores = Runtime.getRuntime().availableProcessors();
        if (value == null || value.isBlank()) {
            return cores;
        }
        try {
            int t = Integer.parseInt(value.trim());
            if (t >= 1) {
                return t;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        LoggerFactory.getLogger(Parallelism.class).warn(
                "system property kiln.threads must be a positive integer, got '{}'; using {} (the number of cores)", value, cores);
        return cores;
    }
}

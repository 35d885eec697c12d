package dev.kiln.learn.manifold;

import dev.kiln.core.parallel.Parallelism;

/**
 * Runs per-row work in blocks of rows on the shared pool. Callers make each row's result depend
 * only on the row, and sum over rows with {@link #sum}, so results are the same however the rows
 * are split; the split can therefore follow the thread count (four blocks a thread, for balance).
 */
final class RowParts {
    private static final int MIN_ROWS_PER_PART = 32;

    private RowParts() {
    }

    /** A range of rows [from, to). */
    @FunctionalInterface
    interface Rows {
        void run(int from, int to);
    }

    static void forEach(int n, Rows work) {
        int threads = Parallelism.threads();
        int parts = threads == 1 ? 1 : Math.max(1, Math.min(4 * threads, n / MIN_ROWS_PER_PART));
        Parallelism.forEachPart(parts, part -> work.run((int) ((long) part * n / parts), (int) ((long) (part + 1) * n / parts)));
    }

    /** The sum of {@code values} in index order, so the total does not depend on how rows were split. */
    static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}

package dev.kiln.learn.cluster;

import dev.kiln.core.parallel.Parallelism;
import java.util.function.IntConsumer;

/**
 * A fixed split of n rows into consecutive parts of {@value #ROWS} rows, the last shorter. The
 * split depends on n alone, never on the thread count, so sums formed part by part and combined
 * in part order are the same bit for bit on any machine.
 */
final class RowParts {
    static final int ROWS = 4096;

    private final int n;
    private final int count;

    RowParts(int n) {
        this.n = n;
        this.count = Math.max(1, (n + ROWS - 1) / ROWS);
    }

    int count() {
        return count;
    }

    int from(int part) {
        return part * ROWS;
    }

    int to(int part) {
        return Math.min(n, (part + 1) * ROWS);
    }

    /** Runs {@code body} for every part, in parallel. */
    void forEach(IntConsumer body) {
        Parallelism.forEachPart(count, body);
    }

    /** The sum of per-part values, in part order. */
    static double sum(double[] perPart) {
        double s = 0;
        for (double v : perPart) {
            s += v;
        }
        return s;
    }
}

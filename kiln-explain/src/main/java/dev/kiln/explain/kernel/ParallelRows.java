package dev.kiln.explain.kernel;

import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;

import java.util.Arrays;
import java.util.List;

/**
 * Explains rows in parallel with progress: row i is given stream i of the seed's generator, so
 * what a row gets never depends on the number of threads or on which thread ran it.
 */
public final class ParallelRows {
    private ParallelRows() {
    }

    /** What to compute for one row. */
    @FunctionalInterface
    public interface RowTask<T> {
        T apply(int row, Rng rng);
    }

    /** {@code task} for each row in [0, rows), in parallel, showing progress as {@code title}. */
    public static <T> List<T> map(String title, int rows, long seed, RowTask<T> task) {
        Object[] out = new Object[rows];
        Rng root = Rng.seeded(seed);
        try (Progress progress = Progress.start(title, rows)) {
            Parallelism.forEachPart(rows, i -> {
                out[i] = task.apply(i, root.stream(i));
                progress.step();
            });
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(out);
        return List.copyOf(list);
    }
}

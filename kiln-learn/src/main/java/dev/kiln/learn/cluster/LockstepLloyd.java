package dev.kiln.learn.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lloyd runs of several restarts advanced together. Every assignment step sweeps the rows once,
 * part by part in parallel, each part serving every unfinished run while its rows are in
 * cache, so restarts share one pass over the data instead of each streaming it from memory.
 * Runs that finish drop out; restarts are grouped so their bounds fit in a fixed budget of
 * memory. Each run computes exactly what it would alone.
 */
final class LockstepLloyd {
    /** Memory for the state of one group of runs. */
    private static final long GROUP_BYTES = 256L << 20;

    private LockstepLloyd() {
    }

    static LloydRun.Outcome[] run(Points p, Seeding.Seeds[] seeds, int k, int maxIter, double tolerance,
                                  KMeansAlgorithm algorithm) {
        RowParts parts = new RowParts(p.n);
        long perRun = (long) p.n * (28 + 8L * (algorithm == KMeansAlgorithm.ELKAN ? k : 1));
        int group = (int) Math.max(1, Math.min(seeds.length, GROUP_BYTES / perRun));
        LloydRun.Outcome[] out = new LloydRun.Outcome[seeds.length];
        for (int from = 0; from < seeds.length; from += group) {
            List<LloydRun> runs = new ArrayList<>();
            for (int r = from; r < Math.min(seeds.length, from + group); r++) {
                runs.add(new LloydRun(p, parts, seeds[r], k, maxIter, tolerance, algorithm));
            }
            List<LloydRun> active = new ArrayList<>(runs);
            while (!active.isEmpty()) {
                active.forEach(LloydRun::begin);
                List<LloydRun> sweep = active;
                parts.forEach(part -> sweep.forEach(run -> run.part(part)));
                active.forEach(LloydRun::finish);
                active = active.stream().filter(run -> !run.done()).toList();
            }
            for (int r = 0; r < runs.size(); r++) {
                out[from + r] = runs.get(r).outcome();
            }
        }
        return out;
    }

    /** The run of lowest inertia, the first of equals. */
    static LloydRun.Outcome best(LloydRun.Outcome[] outcomes) {
        return Arrays.stream(outcomes).reduce((a, b) -> b.inertia() < a.inertia() ? b : a).orElseThrow();
    }
}

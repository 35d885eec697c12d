package dev.kiln.learn.cluster;

import dev.kiln.core.random.Rng;
import java.util.Arrays;

/**
 * k-means++ (Arthur and Vassilvitskii, SODA 2007) with scikit-learn's greedy local trials, for
 * a group of restarts at once: of 2 + ⌊ln k⌋ candidates drawn with probability proportional to
 * D² (the squared distance to the nearest centre so far), keep the one leaving the smallest
 * potential Σ D².
 *
 * <p>The restarts advance in lockstep, so one pass over the rows serves them all: pass c
 * computes, in GEMM blocks, each row's squared distance to every restart's candidates for centre
 * c; the chosen candidate's distances then update each row's nearest and second-nearest centre,
 * so each restart ends with its rows assigned and the bounds Hamerly's assignment starts from.
 * Restart r draws only from its own stream and potentials are summed in fixed parts of rows, so
 * nothing depends on the thread count or on how restarts are grouped.
 */
final class LockstepPlusPlus {
    private final Points p;
    private final int k;
    private final Rng[] streams;
    private final int restarts;
    private final int trials;
    private final RowParts parts;
    private final int[][] chosen;
    private final int[][] labels;
    private final double[][] nearest;
    private final double[][] second;
    private final double[] potential;
    /** Squared distances from every row to candidate t of restart r, at [r * trials + t][row]. */
    private final double[][] toCandidate;

    LockstepPlusPlus(Points p, int k, Rng[] streams) {
        this.p = p;
        this.k = k;
        this.streams = streams;
        this.restarts = streams.length;
        this.trials = Seeding.trials(k);
        this.parts = new RowParts(p.n);
        this.chosen = new int[restarts][k];
        this.labels = new int[restarts][p.n];
        this.nearest = new double[restarts][p.n];
        this.second = new double[restarts][p.n];
        this.potential = new double[restarts];
        this.toCandidate = new double[restarts * trials][p.n];
    }

    Seeding.Seeds[] run() {
        int[] first = new int[restarts];
        for (int r = 0; r < restarts; r++) {
            first[r] = streams[r].nextInt(p.n);
            chosen[r][0] = first[r];
            Arrays.fill(nearest[r], Double.POSITIVE_INFINITY);
            Arrays.fill(second[r], Double.POSITIVE_INFINITY);
        }
        double[] pots = pass(first, 1);
        for (int r = 0; r < restarts; r++) {
            System.arraycopy(toCandidate[r * trials], 0, nearest[r], 0, p.n);
            potential[r] = pots[r];
        }
        double[] cumulative = new double[p.n];
        int[] candidates = new int[restarts * trials];
        for (int c = 1; c < k; c++) {
            for (int r = 0; r < restarts; r++) {
                draw(r, cumulative, candidates);
            }
            pots = pass(candidates, trials);
            for (int r = 0; r < restarts; r++) {
                int best = 0;
                for (int t = 1; t < trials; t++) {
                    if (pots[r * trials + t] < pots[r * trials + best]) {
                        best = t;
                    }
                }
                chosen[r][c] = candidates[r * trials + best];
                potential[r] = pots[r * trials + best];
                takeIn(r, c, toCandidate[r * trials + best]);
            }
        }
        Seeding.Seeds[] out = new Seeding.Seeds[restarts];
        for (int r = 0; r < restarts; r++) {
            out[r] = new Seeding.Seeds(Seeding.rows(p, chosen[r]), labels[r], nearest[r], second[r]);
        }
        return out;
    }

    /** Restart r's candidates for its next centre, drawn by D² from its potential. */
    private void draw(int r, double[] cumulative, int[] candidates) {
        double running = 0;
        double[] d2 = nearest[r];
        for (int i = 0; i < p.n; i++) {
            running += d2[i];
            cumulative[i] = running;
        }
        for (int t = 0; t < trials; t++) {
            double v = streams[r].nextDouble() * potential[r];
            candidates[r * trials + t] = Math.min(p.n - 1, firstAtLeast(cumulative, v));
        }
    }

    /**
     * One pass over the rows: the squared distance from every row to each candidate row
     * ({@code perRestart} per restart, in restart order) into {@link #toCandidate}; returns
     * each candidate's potential, Σ min(D², distance).
     */
    private double[] pass(int[] candidates, int perRestart) {
        int columns = candidates.length;
        int d = p.d;
        double[] centres = new double[columns * d];
        double[] norms = new double[columns];
        for (int col = 0; col < columns; col++) {
            System.arraycopy(p.x, candidates[col] * d, centres, col * d, d);
            norms[col] = p.norms[candidates[col]];
        }
        double[] partial = new double[parts.count() * columns];
        parts.forEach(part -> {
            double[] block = new double[columns * SquaredDistances.BLOCK];
            for (int row = parts.from(part); row < parts.to(part); row += SquaredDistances.BLOCK) {
                int count = Math.min(SquaredDistances.BLOCK, parts.to(part) - row);
                SquaredDistances.block(p.x, p.norms, row, count, d, centres, norms, columns, block);
                for (int col = 0; col < columns; col++) {
                    int r = col / perRestart;
                    double[] out = toCandidate[r * trials + col % perRestart];
                    double[] near = nearest[r];
                    double pot = 0;
                    for (int b = 0; b < count; b++) {
                        double v = block[col * count + b];
                        out[row + b] = v;
                        pot += Math.min(v, near[row + b]);
                    }
                    partial[part * columns + col] += pot;
                }
            }
        });
        double[] sums = new double[columns];
        for (int part = 0; part < parts.count(); part++) {
            for (int col = 0; col < columns; col++) {
                sums[col] += partial[part * columns + col];
            }
        }
        return sums;
    }

    /** Restart r's rows meet its centre c at squared distances {@code v}. */
    private void takeIn(int r, int c, double[] v) {
        double[] near = nearest[r];
        double[] next = second[r];
        int[] label = labels[r];
        for (int i = 0; i < p.n; i++) {
            if (v[i] < near[i]) {
                next[i] = near[i];
                near[i] = v[i];
                label[i] = c;
            } else if (v[i] < next[i]) {
                next[i] = v[i];
            }
        }
    }

    /** numpy's searchsorted (side "left"): the first index whose value is ≥ v, or the length. */
    private static int firstAtLeast(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

package dev.kiln.learn.cluster;

import java.util.Arrays;

/**
 * Elkan's assignment step ("Using the Triangle Inequality to Accelerate k-Means", ICML 2003):
 * per row an upper bound u on the distance to its centre and a lower bound l_j on the distance
 * to every centre j. After centres move by p_j, u grows by p of its centre and each l_j shrinks
 * by p_j. Centre j is examined only when u > l_j and u > d(c, c_j)/2; u is tightened to the true
 * distance once per row before any centre is examined. The first step computes every distance in
 * GEMM blocks.
 */
final class ElkanAssignment extends Assignment {
    private final double[] lower;

    ElkanAssignment(Points p, int k, RowParts parts) {
        super(p, k, parts);
        this.lower = new double[p.n * k];
    }

    @Override
    void forgetLower(int row) {
        Arrays.fill(lower, row * k, (row + 1) * k, 0.0);
    }

    /** The first step computes every distance: Elkan needs them all, which the seeds do not keep. */
    @Override
    Step step(double[] centres, double[] shifts, Seeding.Seeds seeds) {
        if (shifts == null) {
            double[] cn = SquaredDistances.norms(centres, k, p.d);
            return (part, changes) -> assignAll(centres, cn, part, changes);
        }
        return bounded(centres, shifts);
    }

    /** A step after centres moved by {@code shifts}: Elkan's tests, one centre at a time. */
    private Step bounded(double[] centres, double[] shifts) {
        int d = p.d;
        double[] between = CentreGaps.between(centres, k, d);
        double[] half = CentreGaps.halfNearest(between, k);
        return (part, changes) -> {
            for (int i = parts.from(part); i < parts.to(part); i++) {
                int ik = i * k;
                for (int j = 0; j < k; j++) {
                    lower[ik + j] = Math.max(0.0, lower[ik + j] - shifts[j]);
                }
                int before = labels[i];
                int a = before;
                double u = upper[i] + shifts[a];
                if (u > half[a]) {
                    boolean tight = false;
                    for (int j = 0; j < k; j++) {
                        if (j == a || u <= lower[ik + j] || u <= between[a * k + j] / 2) {
                            continue;
                        }
                        if (!tight) {
                            u = Math.sqrt(p.squaredDistance(i, centres, a * d));
                            lower[ik + a] = u;
                            tight = true;
                            if (u <= lower[ik + j] || u <= between[a * k + j] / 2) {
                                continue;
                            }
                        }
                        double dj = Math.sqrt(p.squaredDistance(i, centres, j * d));
                        lower[ik + j] = dj;
                        if (dj < u) {
                            a = j;
                            u = dj;
                        }
                    }
                }
                upper[i] = u;
                if (a != before) {
                    changes.record(part, i, before);
                    labels[i] = a;
                }
            }
        };
    }

    private void assignAll(double[] centres, double[] cn, int part, Changes changes) {
        int d = p.d;
        double[] block = new double[SquaredDistances.BLOCK * k];
        for (int row = parts.from(part); row < parts.to(part); row += SquaredDistances.BLOCK) {
            int rows = Math.min(SquaredDistances.BLOCK, parts.to(part) - row);
            SquaredDistances.block(p.x, p.norms, row, rows, d, centres, cn, k, block);
            for (int b = 0; b < rows; b++) {
                int i = row + b;
                int best = 0;
                for (int j = 0; j < k; j++) {
                    double v = block[j * rows + b];
                    lower[i * k + j] = Math.sqrt(v);
                    if (v < block[best * rows + b]) {
                        best = j;
                    }
                }
                changes.record(part, i, labels[i]);
                labels[i] = best;
                upper[i] = Math.sqrt(p.squaredDistance(i, centres, best * d));
                lower[i * k + best] = upper[i];
            }
        }
    }
}

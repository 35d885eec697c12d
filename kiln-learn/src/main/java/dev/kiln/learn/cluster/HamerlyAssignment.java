package dev.kiln.learn.cluster;

/**
 * Hamerly's assignment step ("Making k-means even faster", SDM 2010): per row an upper bound u
 * on the distance to its centre and a lower bound l on the distance to every other centre. After
 * centres move by p_j, u grows by p of its centre and l shrinks by the largest other p; a row
 * keeps its centre while u ≤ max(l, s), s being half the distance from its centre to the nearest
 * other centre. Rows the bounds cannot settle, after tightening u, are gathered into blocks whose
 * distances to all centres come from one GEMM.
 */
final class HamerlyAssignment extends Assignment {
    private final double[] lower;

    HamerlyAssignment(Points p, int k, RowParts parts) {
        super(p, k, parts);
        this.lower = new double[p.n];
    }

    @Override
    void forgetLower(int row) {
        lower[row] = 0;
    }

    @Override
    Step step(double[] centres, double[] shifts, Seeding.Seeds seeds) {
        if (shifts == null && seeds.assigned()) {
            return (part, changes) -> takeSeeds(seeds, part, changes);
        }
        double[] cn = SquaredDistances.norms(centres, k, p.d);
        if (shifts == null) {
            return (part, changes) -> {
                Block block = new Block(centres, cn, part, changes);
                for (int i = parts.from(part); i < parts.to(part); i++) {
                    block.add(i);
                }
                block.flush();
            };
        }
        return bounded(centres, cn, shifts);
    }

    /** The seeds' nearest centres, with their two smallest distances as the bounds. */
    private void takeSeeds(Seeding.Seeds seeds, int part, Changes changes) {
        for (int i = parts.from(part); i < parts.to(part); i++) {
            changes.record(part, i, -1);
            labels[i] = seeds.labels()[i];
            upper[i] = Math.sqrt(seeds.nearest()[i]);
            lower[i] = Math.sqrt(seeds.second()[i]);
        }
    }

    /** A step after centres moved by {@code shifts}: the bounds first, then GEMM blocks for the rest. */
    private Step bounded(double[] centres, double[] cn, double[] shifts) {
        double[] half = CentreGaps.halfNearest(centres, k, p.d);
        int far = 0;
        for (int j = 1; j < k; j++) {
            if (shifts[j] > shifts[far]) {
                far = j;
            }
        }
        double second = 0;
        for (int j = 0; j < k; j++) {
            if (j != far) {
                second = Math.max(second, shifts[j]);
            }
        }
        int farCentre = far;
        double farthest = shifts[far];
        double secondShift = second;
        return (part, changes) -> {
            Block block = new Block(centres, cn, part, changes);
            for (int i = parts.from(part); i < parts.to(part); i++) {
                int a = labels[i];
                double u = upper[i] + shifts[a];
                double l = lower[i] - (a == farCentre ? secondShift : farthest);
                double bound = Math.max(half[a], l);
                if (u > bound) {
                    u = Math.sqrt(p.squaredDistance(i, centres, a * p.d));
                    if (u > bound) {
                        block.add(i);
                    }
                }
                upper[i] = u;
                lower[i] = l;
            }
            block.flush();
        };
    }

    /** Rows waiting for their distances to every centre, settled a GEMM block at a time. */
    private final class Block {
        private final double[] centres;
        private final double[] cn;
        private final int part;
        private final Changes changes;
        private final int[] rows = new int[SquaredDistances.BLOCK];
        private final double[] x = new double[SquaredDistances.BLOCK * p.d];
        private final double[] xn = new double[SquaredDistances.BLOCK];
        private final double[] distances = new double[SquaredDistances.BLOCK * k];
        private int size;

        Block(double[] centres, double[] cn, int part, Changes changes) {
            this.centres = centres;
            this.cn = cn;
            this.part = part;
            this.changes = changes;
        }

        void add(int row) {
            rows[size] = row;
            System.arraycopy(p.x, row * p.d, x, size * p.d, p.d);
            xn[size] = p.norms[row];
            if (++size == SquaredDistances.BLOCK) {
                flush();
            }
        }

        void flush() {
            if (size == 0) {
                return;
            }
            SquaredDistances.block(x, xn, 0, size, p.d, centres, cn, k, distances);
            for (int b = 0; b < size; b++) {
                int best = 0;
                double nearest = distances[b];
                double next = Double.POSITIVE_INFINITY;
                for (int j = 1; j < k; j++) {
                    double v = distances[j * size + b];
                    if (v < nearest) {
                        next = nearest;
                        nearest = v;
                        best = j;
                    } else if (v < next) {
                        next = v;
                    }
                }
                int row = rows[b];
                if (labels[row] != best) {
                    changes.record(part, row, labels[row]);
                    labels[row] = best;
                }
                upper[row] = Math.sqrt(p.squaredDistance(row, centres, best * p.d));
                lower[row] = Math.sqrt(next);
            }
            size = 0;
        }
    }
}

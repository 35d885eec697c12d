package dev.kiln.learn.neighbors;

import dev.kiln.core.linalg.Blas;

/**
 * Exact search by scanning every training point. For the Euclidean distance a block of queries
 * meets a block of training points in one GEMM, ‖q − x‖² = ‖q‖² + ‖x‖² − 2 q·x, which serves as
 * a filter: a point's exact distance is computed only when the GEMM estimate, less a rounding
 * bound, could still place it among the k nearest. The selection itself therefore runs on exact
 * distances, and brute force returns exactly what the k-d tree returns.
 *
 * <p>The bound: the GEMM estimate and the directly summed distance each lie within
 * 2(d + 2)u·(‖q‖² + ‖x‖²) of the true squared distance, to first order in the unit roundoff u
 * (Higham, Accuracy and Stability of Numerical Algorithms, §3.1, with |q·x| ≤ (‖q‖² + ‖x‖²)/2
 * and ‖q − x‖² ≤ 2(‖q‖² + ‖x‖²)); the filter allows twice their sum, 8(d + 3)u.
 */
final class BruteForce extends NeighborSearch {
    private static final int QUERY_BLOCK = 64;
    private static final int POINT_BLOCK = 512;

    private final double[] points;
    private final double[] norms;
    private final double slack;

    BruteForce(double[] x, int rows, int dims, Minkowski metric) {
        super(rows, dims, metric);
        this.points = x;
        this.norms = metric.euclidean() ? squaredNorms(x, 0, rows, dims) : null;
        this.slack = 8.0 * (dims + 3) * 0x1.0p-53;
    }

    @Override
    void search(double[] q, int from, int to, int k, int[] index, double[] reduced) {
        if (metric.euclidean()) {
            searchByGemm(q, from, to, k, index, reduced);
            return;
        }
        TopK heap = new TopK(k);
        for (int i = from; i < to; i++) {
            for (int r = 0; r < rows; r++) {
                heap.offer(metric.reduced(q, i * dims, points, r * dims, dims), r);
            }
            heap.drain(index, reduced, i * k);
        }
    }

    private void searchByGemm(double[] q, int from, int to, int k, int[] index, double[] reduced) {
        TopK[] heaps = new TopK[QUERY_BLOCK];
        for (int b = 0; b < QUERY_BLOCK; b++) {
            heaps[b] = new TopK(k);
        }
        double[] cross = new double[QUERY_BLOCK * POINT_BLOCK];
        double[] queryNorms = squaredNorms(q, from, to, dims);
        for (int q0 = from; q0 < to; q0 += QUERY_BLOCK) {
            int qb = Math.min(QUERY_BLOCK, to - q0);
            for (int p0 = 0; p0 < rows; p0 += POINT_BLOCK) {
                int pb = Math.min(POINT_BLOCK, rows - p0);
                Blas.dgemm(false, true, qb, pb, dims, -2.0, q, q0 * dims, dims, points, p0 * dims, dims,
                        0.0, cross, 0, pb, 1);
                for (int b = 0; b < qb; b++) {
                    int qi = q0 + b;
                    double qn = queryNorms[qi - from];
                    TopK heap = heaps[b];
                    double worst = heap.worst();
                    int row = b * pb;
                    for (int j = 0; j < pb; j++) {
                        double xn = norms[p0 + j];
                        double estimate = qn + xn + cross[row + j];
                        if (estimate - slack * (qn + xn) <= worst) {
                            heap.offer(metric.reduced(q, qi * dims, points, (p0 + j) * dims, dims), p0 + j);
                            worst = heap.worst();
                        }
                    }
                }
            }
            for (int b = 0; b < qb; b++) {
                heaps[b].drain(index, reduced, (q0 + b) * k);
            }
        }
    }

    private static double[] squaredNorms(double[] x, int from, int to, int dims) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = Blas.dot(dims, x, i * dims, x, i * dims);
        }
        return out;
    }
}

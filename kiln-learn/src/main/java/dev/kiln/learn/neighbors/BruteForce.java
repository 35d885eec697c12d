package dev.kiln.learn.neighbors;

import dev.kiln.core.linalg.Blas;

/**
 * Exact search by scanning every training point. For the Euclidean distance a block of queries
 * meets a block of training points in one single-precision GEMM, giving
 * ‖q − x‖² ≈ ‖q‖² + ‖x‖² − 2 q·x, which serves as a filter: a point's exact distance (in double
 * precision, as the k-d tree computes it) is computed only when the estimate, less a rounding
 * bound, could still place it among the k nearest (or within the radius). The selection itself
 * therefore runs on exact distances, and brute force returns exactly what the k-d tree returns.
 *
 * <p>The bound: rounding q and x to floats and summing d products in single precision moves
 * −2 q·x by at most (d + 3)·u·(‖q‖² + ‖x‖²), u = 2⁻²⁴, to first order (Higham, Accuracy and
 * Stability of Numerical Algorithms, §3.1, with 2|q·x| ≤ ‖q‖² + ‖x‖²); the double-precision
 * parts add far less. The filter allows twice that.
 */
final class BruteForce extends NeighborSearch {
    private static final int QUERY_BLOCK = 64;
    private static final int POINT_BLOCK = 512;

    private final double[] points;
    private final float[] pointsF;
    /** (1 − slack)·‖x‖² per point: its part of a lower bound on the squared distance. */
    private final double[] normsLow;
    private final double slack;

    BruteForce(double[] x, int rows, int dims, Minkowski metric) {
        super(rows, dims, metric);
        this.points = x;
        this.slack = 2.0 * (dims + 3) * 0x1.0p-24;
        if (metric.euclidean()) {
            this.pointsF = toFloats(x, 0, rows * dims);
            this.normsLow = new double[rows];
            for (int i = 0; i < rows; i++) {
                normsLow[i] = (1 - slack) * Blas.dot(dims, x, i * dims, x, i * dims);
            }
        } else {
            this.pointsF = null;
            this.normsLow = null;
        }
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
        float[] cross = new float[QUERY_BLOCK * POINT_BLOCK];
        for (int q0 = from; q0 < to; q0 += QUERY_BLOCK) {
            int qb = Math.min(QUERY_BLOCK, to - q0);
            float[] block = toFloats(q, q0 * dims, qb * dims);
            double[] queryLow = queryLow(q, q0, qb);
            for (int p0 = 0; p0 < rows; p0 += POINT_BLOCK) {
                int pb = cross(block, qb, p0, cross);
                for (int b = 0; b < qb; b++) {
                    int qo = (q0 + b) * dims;
                    TopK heap = heaps[b];
                    double threshold = heap.worst() - queryLow[b];
                    int row = b * pb;
                    for (int j = CandidateScan.next(cross, row, normsLow, p0, 0, pb, threshold); j < pb;
                         j = CandidateScan.next(cross, row, normsLow, p0, j + 1, pb, threshold)) {
                        heap.offer(metric.reduced(q, qo, points, (p0 + j) * dims, dims), p0 + j);
                        threshold = heap.worst() - queryLow[b];
                    }
                }
            }
            for (int b = 0; b < qb; b++) {
                heaps[b].drain(index, reduced, (q0 + b) * k);
            }
        }
    }

    @Override
    void within(double[] q, int from, int to, double reducedRadius, IndexList out, int[] counts) {
        if (!metric.euclidean()) {
            for (int i = from; i < to; i++) {
                int before = out.size();
                for (int r = 0; r < rows; r++) {
                    if (metric.reduced(q, i * dims, points, r * dims, dims) <= reducedRadius) {
                        out.add(r);
                    }
                }
                counts[i] = out.size() - before;
            }
            return;
        }
        IndexList[] lists = new IndexList[QUERY_BLOCK];
        float[] cross = new float[QUERY_BLOCK * POINT_BLOCK];
        for (int q0 = from; q0 < to; q0 += QUERY_BLOCK) {
            int qb = Math.min(QUERY_BLOCK, to - q0);
            float[] block = toFloats(q, q0 * dims, qb * dims);
            double[] threshold = queryLow(q, q0, qb);
            for (int b = 0; b < qb; b++) {
                lists[b] = new IndexList();
                threshold[b] = reducedRadius - threshold[b];
            }
            for (int p0 = 0; p0 < rows; p0 += POINT_BLOCK) {
                int pb = cross(block, qb, p0, cross);
                for (int b = 0; b < qb; b++) {
                    int qo = (q0 + b) * dims;
                    int row = b * pb;
                    for (int j = 0; j < pb; j++) {
                        if (cross[row + j] + normsLow[p0 + j] <= threshold[b]
                                && metric.reduced(q, qo, points, (p0 + j) * dims, dims) <= reducedRadius) {
                            lists[b].add(p0 + j);
                        }
                    }
                }
            }
            for (int b = 0; b < qb; b++) {
                lists[b].appendTo(out);
                counts[q0 + b] = lists[b].size();
            }
        }
    }

    @Override
    double[] trainingPoints() {
        return points;
    }

    /** (1 − slack)·‖q‖² for queries {@code q0} to {@code q0 + qb}: their part of the lower bound. */
    private double[] queryLow(double[] q, int q0, int qb) {
        double[] low = new double[qb];
        for (int b = 0; b < qb; b++) {
            low[b] = (1 - slack) * Blas.dot(dims, q, (q0 + b) * dims, q, (q0 + b) * dims);
        }
        return low;
    }

    /**
     * −2·q·x in single precision for the {@code qb} float queries of {@code block} and the point
     * block from {@code p0}, into {@code cross} (row b at {@code b * pb}); returns pb.
     */
    private int cross(float[] block, int qb, int p0, float[] cross) {
        int pb = Math.min(POINT_BLOCK, rows - p0);
        Blas.sgemm(false, true, qb, pb, dims, -2.0f, block, 0, dims, pointsF, p0 * dims, dims, 0.0f, cross, 0, pb, 1);
        return pb;
    }

    private static float[] toFloats(double[] x, int from, int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = (float) x[from + i];
        }
        return out;
    }
}

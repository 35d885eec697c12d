package dev.kiln.learn.decompose;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.QR;
import dev.kiln.core.parallel.Parallelism;

/**
 * The R factor of a tall matrix by TSQR (Demmel, Grigori, Hoemmen and Langou, "Communication-
 * optimal parallel and sequential QR and LU factorizations", SIAM J. Sci. Comput. 2012): the
 * rows are cut into blocks, each block's R comes from a Householder QR (the blocks in
 * parallel), and the stacked Rs are factored again. Every step is a Householder QR, so R is
 * backward stable like a single one: the singular values and right singular vectors of R are
 * those of A to the accuracy of an SVD of A, while Q is never formed. Blocks follow from the
 * shape alone, so the result does not depend on the number of threads.
 */
final class TallSkinnyQr {
    private static final int MIN_BLOCK_ROWS = 2048;

    private TallSkinnyQr() {
    }

    /** The p×p upper-triangular R with AᵀA = RᵀR, of an n×p matrix with n ≥ p. */
    static Matrix r(Matrix a) {
        int n = a.rows();
        int p = a.cols();
        int blockRows = Math.max(4 * p, MIN_BLOCK_ROWS);
        if (n <= blockRows) {
            return QR.of(a).r();
        }
        int blocks = (n + blockRows - 1) / blockRows;
        Matrix stacked = Matrix.zeros(blocks * p, p);
        Parallelism.forEachPart(blocks, b -> {
            int from = (int) ((long) b * n / blocks);
            int to = (int) ((long) (b + 1) * n / blocks);
            Matrix r = QR.of(a.rowRange(from, to)).r();
            System.arraycopy(r.storage(), 0, stacked.storage(), b * p * p, p * p);
        });
        return r(stacked);
    }
}

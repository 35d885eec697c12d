package dev.kiln.learn.quality;

import dev.kiln.core.linalg.Matrix;

/** The mean row of each cluster. */
final class Centroids {
    private Centroids() {
    }

    /** Row-major {@code count x d}: the centroid of cluster c at {@code c * d}. */
    static double[] of(Matrix x, Labels l) {
        int d = x.cols();
        double[] out = new double[l.count() * d];
        for (int i = 0; i < x.rows(); i++) {
            int c = l.codes()[i];
            for (int j = 0; j < d; j++) {
                out[c * d + j] += x.get(i, j);
            }
        }
        for (int c = 0; c < l.count(); c++) {
            for (int j = 0; j < d; j++) {
                out[c * d + j] /= l.sizes()[c];
            }
        }
        return out;
    }
}

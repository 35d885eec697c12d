package dev.kiln.learn.neighbors;

/**
 * The k nearest training rows of each query row, nearest first; of two training rows at the
 * same distance the one that came first in the training data comes first.
 *
 * @param k         neighbours per query row
 * @param indices   row-major {@code rows x k}: training row indices
 * @param distances row-major {@code rows x k}: their distances to the query
 */
public record Neighbors(int k, int[] indices, double[] distances) {

    public Neighbors {
        if (k < 1 || indices.length % k != 0 || distances.length != indices.length) {
            throw new IllegalArgumentException(indices.length + " indices and " + distances.length
                    + " distances do not make rows of k = " + k);
        }
        indices = indices.clone();
        distances = distances.clone();
    }

    /** How many query rows. */
    public int rows() {
        return indices.length / k;
    }

    /** The training row of query row {@code row}'s j-th nearest neighbour (j from 0). */
    public int index(int row, int j) {
        return indices[row * k + j];
    }

    public double distance(int row, int j) {
        return distances[row * k + j];
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public double[] distances() {
        return distances.clone();
    }
}

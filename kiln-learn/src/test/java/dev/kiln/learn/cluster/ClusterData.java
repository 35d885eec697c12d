package dev.kiln.learn.cluster;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.parity.ParityData;
import dev.kiln.learn.parity.StandardizedSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Data for the clustering tests: Gaussian blobs, and the parity sets standardised. */
final class ClusterData {
    private ClusterData() {
    }

    /** {@code perBlob} rows around each of {@code centres}, with standard deviation {@code sd}, blob after blob. */
    static double[][] blobs(Rng rng, double[][] centres, int perBlob, double sd) {
        double[][] out = new double[centres.length * perBlob][];
        for (int b = 0; b < centres.length; b++) {
            for (int i = 0; i < perBlob; i++) {
                double[] row = new double[centres[b].length];
                for (int j = 0; j < row.length; j++) {
                    row[j] = centres[b][j] + sd * rng.nextGaussian();
                }
                out[b * perBlob + i] = row;
            }
        }
        return out;
    }

    /** {@code rows} standard normal rows of {@code dims} features. */
    static double[][] gaussian(Rng rng, int rows, int dims) {
        return blobs(rng, new double[][] {new double[dims]}, rows, 1.0);
    }

    /**
     * The features of a parity data set, each standardised with its mean and population standard
     * deviation (1 where that is 0), as {@code (X - X.mean(0)) / sd} in numpy.
     */
    static Frame standardized(ParityData data) {
        List<Column> columns = new ArrayList<>();
        for (Column c : data.features().columns()) {
            double[] v = c.toDoubles();
            columns.add(DoubleColumn.of(c.name(), StandardizedSplit.standardize(v, v)));
        }
        return Frame.of(columns);
    }

    /** The true classes of a parity data set as integers. */
    static int[] classes(ParityData data) {
        return Arrays.stream(data.targetColumn().toDoubles()).mapToInt(v -> (int) v).toArray();
    }

    /** ‖a − b‖², summed plainly. */
    static double squared(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return s;
    }
}

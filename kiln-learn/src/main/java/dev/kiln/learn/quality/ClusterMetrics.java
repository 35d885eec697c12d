package dev.kiln.learn.quality;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.random.Rng;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * How good a clustering is, computed as scikit-learn 1.2's {@code sklearn.metrics} computes it.
 * Internal indices judge clusters against the data alone: the silhouette coefficient (Rousseeuw,
 * "Silhouettes: a graphical aid to the interpretation and validation of cluster analysis", J.
 * Comput. Appl. Math. 1987), the Davies–Bouldin index (Davies and Bouldin, IEEE TPAMI 1979) and
 * the Calinski–Harabasz index (Calinski and Harabasz, Comm. in Statistics 1974); external
 * indices compare two labelings: the adjusted Rand index (Hubert and Arabie, J. Classification
 * 1985) and normalised mutual information (Vinh, Epps and Bailey, JMLR 2010, arithmetic-mean
 * normalisation). Labels are any integers; −1 (noise) counts as a cluster, as in scikit-learn.
 * Distances are Euclidean, between the rows of {@code x}.
 */
public final class ClusterMetrics {
    private ClusterMetrics() {
    }

    /**
     * The mean silhouette coefficient over all rows, in [−1, 1]: for a row at mean distance a
     * from the rest of its cluster and b from the nearest other cluster, (b − a) / max(a, b);
     * 0 for a row alone in its cluster. Needs 2 to n − 1 clusters. O(n²·d) time, O(n) memory.
     */
    public static double silhouette(Matrix x, int[] labels) {
        return Arrays.stream(silhouetteSamples(x, labels)).average().orElseThrow();
    }

    /**
     * The mean silhouette coefficient over {@code sampleSize} rows drawn without replacement
     * from {@code seed} (distances among the drawn rows only, as scikit-learn's
     * {@code sample_size}); the draw is Kiln's own, so it picks other rows than numpy would.
     */
    public static double silhouette(Matrix x, int[] labels, int sampleSize, long seed) {
        if (sampleSize < 2 || sampleSize > x.rows()) {
            throw new IllegalArgumentException("sampleSize must be in [2, " + x.rows() + "] (the rows), got "
                    + sampleSize);
        }
        int[] rows = Rng.seeded(seed).sampleWithoutReplacement(x.rows(), sampleSize);
        double[] sample = new double[sampleSize * x.cols()];
        int[] sampleLabels = new int[sampleSize];
        for (int i = 0; i < sampleSize; i++) {
            for (int j = 0; j < x.cols(); j++) {
                sample[i * x.cols() + j] = x.get(rows[i], j);
            }
            sampleLabels[i] = labels[rows[i]];
        }
        return silhouette(Matrix.wrap(sampleSize, x.cols(), sample), sampleLabels);
    }

    /** The silhouette coefficient of every row. */
    public static double[] silhouetteSamples(Matrix x, int[] labels) {
        return Silhouette.samples(x, Labels.forData("silhouette", labels, x.rows()));
    }

    /**
     * The Davies–Bouldin index, ≥ 0, lower is better: the mean over clusters of the largest
     * (s_i + s_j) / d(c_i, c_j), s being the mean distance from a cluster's rows to its centroid.
     * 0 when every s or every centroid distance is (numpy's allclose) zero. Needs 2 to n − 1 clusters.
     */
    public static double daviesBouldin(Matrix x, int[] labels) {
        Labels l = Labels.forData("daviesBouldin", labels, x.rows());
        int d = x.cols();
        double[] centroids = Centroids.of(x, l);
        double[] scatter = new double[l.count()];
        for (int i = 0; i < x.rows(); i++) {
            int c = l.codes()[i];
            double s = 0;
            for (int j = 0; j < d; j++) {
                double t = x.get(i, j) - centroids[c * d + j];
                s += t * t;
            }
            scatter[c] += Math.sqrt(s);
        }
        boolean scatterZero = true;
        for (int c = 0; c < l.count(); c++) {
            scatter[c] /= l.sizes()[c];
            scatterZero &= scatter[c] <= 1e-8;
        }
        int k = l.count();
        double[] between = new double[k * k];
        boolean betweenZero = true;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double t = centroids[a * d + j] - centroids[b * d + j];
                    s += t * t;
                }
                between[a * k + b] = Math.sqrt(s);
                betweenZero &= between[a * k + b] <= 1e-8;
            }
        }
        if (scatterZero || betweenZero) {
            return 0.0;
        }
        double total = 0;
        for (int a = 0; a < k; a++) {
            double worst = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < k; b++) {
                double gap = between[a * k + b] == 0 ? Double.POSITIVE_INFINITY : between[a * k + b];
                worst = Math.max(worst, (scatter[a] + scatter[b]) / gap);
            }
            total += worst;
        }
        return total / k;
    }

    /**
     * The Calinski–Harabasz index (variance ratio), higher is better: between-cluster over
     * within-cluster dispersion, scaled by (n − k) / (k − 1); 1 when every cluster is a single
     * point repeated. Needs 2 to n − 1 clusters.
     */
    public static double calinskiHarabasz(Matrix x, int[] labels) {
        Labels l = Labels.forData("calinskiHarabasz", labels, x.rows());
        int n = x.rows();
        int d = x.cols();
        double[] centroids = Centroids.of(x, l);
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x.get(i, j);
            }
            mean[j] = s / n;
        }
        double between = 0;
        for (int c = 0; c < l.count(); c++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double t = centroids[c * d + j] - mean[j];
                s += t * t;
            }
            between += l.sizes()[c] * s;
        }
        double within = 0;
        for (int i = 0; i < n; i++) {
            int c = l.codes()[i];
            for (int j = 0; j < d; j++) {
                double t = x.get(i, j) - centroids[c * d + j];
                within += t * t;
            }
        }
        int k = l.count();
        return within == 0 ? 1.0 : between * (n - k) / (within * (k - 1.0));
    }

    /**
     * The adjusted Rand index, ≤ 1 (1: the same partition, about 0: chance agreement), from the
     * pair confusion matrix as scikit-learn computes it, in exact integer arithmetic.
     */
    public static double adjustedRand(int[] labelsTrue, int[] labelsPred) {
        Contingency t = new Contingency(labelsTrue, labelsPred);
        long n = t.n;
        long sumSquares = 0;
        long byColumn = 0;
        long byRow = 0;
        for (int c = 0; c < t.cellCount.length; c++) {
            long v = t.cellCount[c];
            sumSquares += v * v;
            byColumn += v * t.second.sizes()[t.cellColumn[c]];
            byRow += v * t.first.sizes()[t.cellRow[c]];
        }
        BigInteger tp = BigInteger.valueOf(sumSquares - n);
        BigInteger fp = BigInteger.valueOf(byColumn - sumSquares);
        BigInteger fn = BigInteger.valueOf(byRow - sumSquares);
        BigInteger tn = BigInteger.valueOf(n).multiply(BigInteger.valueOf(n)).subtract(fp).subtract(fn)
                .subtract(BigInteger.valueOf(sumSquares));
        if (fn.signum() == 0 && fp.signum() == 0) {
            return 1.0;
        }
        BigInteger numerator = tp.multiply(tn).subtract(fn.multiply(fp));
        BigInteger denominator = tp.add(fn).multiply(fn.add(tn)).add(tp.add(fp).multiply(fp.add(tn)));
        return 2.0 * numerator.doubleValue() / denominator.doubleValue();
    }

    /**
     * Normalised mutual information in [0, 1]: I(U; V) / ((H(U) + H(V)) / 2), natural logarithms;
     * 1 when both labelings put every row in one cluster.
     */
    public static double normalizedMutualInfo(int[] labelsTrue, int[] labelsPred) {
        Contingency t = new Contingency(labelsTrue, labelsPred);
        if (t.first.count() == 1 && t.second.count() == 1) {
            return 1.0;
        }
        double mi = mutualInformation(t);
        if (mi == 0) {
            return 0.0;
        }
        return mi / ((entropy(t.first, t.n) + entropy(t.second, t.n)) / 2);
    }

    private static double mutualInformation(Contingency t) {
        if (t.first.count() == 1 || t.second.count() == 1) {
            return 0.0;
        }
        double n = t.n;
        double logN = Math.log(n);
        double sum = 0;
        for (int c = 0; c < t.cellCount.length; c++) {
            double v = t.cellCount[c];
            double p = v / n;
            long outer = (long) t.first.sizes()[t.cellRow[c]] * t.second.sizes()[t.cellColumn[c]];
            double logOuter = -Math.log(outer) + logN + logN;
            double term = p * (Math.log(v) - logN) + p * logOuter;
            sum += Math.abs(term) < Math.ulp(1.0) ? 0.0 : term;
        }
        return Math.max(0.0, sum);
    }

    private static double entropy(Labels l, int n) {
        if (l.count() == 1) {
            return 0.0;
        }
        double logN = Math.log(n);
        double h = 0;
        for (int size : l.sizes()) {
            h -= size / (double) n * (Math.log(size) - logN);
        }
        return h;
    }
}

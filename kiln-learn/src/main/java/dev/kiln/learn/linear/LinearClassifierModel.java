package dev.kiln.learn.linear;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Blas;
import dev.kiln.core.linalg.CsrMatrix;
import dev.kiln.core.model.ClassificationModel;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.FeatureImportances;
import dev.kiln.learn.data.NumericInput;
import java.util.List;

/**
 * A fitted linear classifier. With two classes it holds one coefficient row w and intercept b:
 * the decision value x·w + b favours the second class when positive, as in scikit-learn. With
 * K > 2 classes it holds one row per class and predicts the class of the largest decision value
 * (the first on ties). Immutable; the getters return copies.
 */
public abstract sealed class LinearClassifierModel implements ClassificationModel, FeatureImportances
        permits LogisticRegressionModel, PerceptronModel, LinearSvmModel {
    private final String who;
    private final Schema inputSchema;
    private final List<String> classes;
    private final int rows;
    private final double[] coefficients;
    private final double[] intercepts;
    private final int iterations;

    /**
     * @param coefficients {@code rows × features} values, row-major, rows = 1 for two classes and
     *                     the class count otherwise
     * @param iterations   what the solver reports as its iterations
     */
    LinearClassifierModel(String who, Schema inputSchema, List<String> classes, double[] coefficients, double[] intercepts,
                          int iterations) {
        int p = inputSchema.size();
        int expectedRows = decisionRows(classes.size());
        if (classes.size() < 2) {
            throw new IllegalArgumentException("a classifier needs at least two classes, got " + classes);
        }
        if (coefficients.length != expectedRows * p || intercepts.length != expectedRows) {
            throw new IllegalArgumentException(classes.size() + " classes and " + p + " input columns need "
                    + expectedRows + "x" + p + " coefficients and " + expectedRows + " intercepts, got "
                    + coefficients.length + " and " + intercepts.length);
        }
        this.who = who;
        this.inputSchema = inputSchema;
        this.classes = List.copyOf(classes);
        this.rows = expectedRows;
        this.coefficients = coefficients.clone();
        this.intercepts = intercepts.clone();
        this.iterations = iterations;
    }

    /** How many decision values a model over {@code classCount} classes computes: 1 for two classes. */
    static int decisionRows(int classCount) {
        return classCount == 2 ? 1 : classCount;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    /** The coefficients: one row for two classes, else one row per class; one column per input column. */
    public double[][] coefficients() {
        int p = inputSchema.size();
        double[][] out = new double[rows][];
        for (int k = 0; k < rows; k++) {
            out[k] = java.util.Arrays.copyOfRange(coefficients, k * p, (k + 1) * p);
        }
        return out;
    }

    /** One intercept per coefficient row. */
    public double[] intercepts() {
        return intercepts.clone();
    }

    /**
     * The iterations the solver took (scikit-learn's {@code n_iter_}): L-BFGS iterations, sweeps
     * or epochs, the most any of the binary problems took when there are several.
     */
    public int iterations() {
        return iterations;
    }

    /** The coefficients' magnitudes summed over the rows, which rank features when the inputs share a scale. */
    @Override
    public double[] featureImportances() {
        int p = inputSchema.size();
        double[] out = new double[p];
        for (int k = 0; k < rows; k++) {
            for (int j = 0; j < p; j++) {
                out[j] += Math.abs(coefficients[k * p + j]);
            }
        }
        return out;
    }

    /** The decision values x·w_k + b_k: per row of {@code features}, one per coefficient row. */
    public double[][] decisionFunction(Frame features) {
        double[][] s = scores(features);
        double[][] out = new double[features.rowCount()][rows];
        for (int k = 0; k < rows; k++) {
            for (int i = 0; i < out.length; i++) {
                out[i][k] = s[k][i];
            }
        }
        return out;
    }

    @Override
    public final ClassificationPrediction predict(Frame features) {
        return predict(scores(features), features.rowCount());
    }

    /** Predicts sparse rows whose columns are this model's input columns, in order (as from a vectorizer). */
    public final ClassificationPrediction predict(CsrMatrix features) {
        return predict(scores(features), features.rows());
    }

    /** The decision values of sparse rows, as {@link #decisionFunction(Frame)}. */
    public double[][] decisionFunction(CsrMatrix features) {
        double[][] s = scores(features);
        double[][] out = new double[features.rows()][rows];
        for (int k = 0; k < rows; k++) {
            for (int i = 0; i < out.length; i++) {
                out[i][k] = s[k][i];
            }
        }
        return out;
    }

    private ClassificationPrediction predict(double[][] s, int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            if (rows == 1) {
                labels[i] = s[0][i] > 0 ? 1 : 0;
            } else {
                int best = 0;
                for (int k = 1; k < rows; k++) {
                    if (s[k][i] > s[best][i]) {
                        best = k;
                    }
                }
                labels[i] = best;
            }
        }
        return new ClassificationPrediction(classes, labels, probabilities(s, n));
    }

    /** The class probabilities of n rows given their decision values (one array per coefficient row), or null. */
    double[][] probabilities(double[][] scores, int n) {
        return null;
    }

    /** The decision values, one array of n per coefficient row: W·Xᵀ + b on the column-stored features. */
    private double[][] scores(Frame features) {
        double[] columns = NumericInput.featureColumnsFor(inputSchema, features, who);
        int n = features.rowCount();
        int p = inputSchema.size();
        double[] flat = new double[rows * n];
        if (rows == 1) {
            Blas.dgemv(true, p, n, 1.0, columns, 0, n, coefficients, 0, 0.0, flat, 0);
        } else {
            Blas.dgemm(false, false, rows, n, p, 1.0, coefficients, 0, p, columns, 0, n, 0.0, flat, 0, n);
        }
        double[][] s = new double[rows][];
        for (int k = 0; k < rows; k++) {
            s[k] = java.util.Arrays.copyOfRange(flat, k * n, (k + 1) * n);
            for (int i = 0; i < n; i++) {
                s[k][i] += intercepts[k];
            }
        }
        return s;
    }

    private double[][] scores(CsrMatrix features) {
        int p = inputSchema.size();
        if (features.cols() != p) {
            throw new IllegalArgumentException(who + ": the sparse features have " + features.cols() + " columns, the model "
                    + p + " input columns");
        }
        int n = features.rows();
        double[] z = new double[n * rows];
        features.addTimesTransposed(coefficients, rows, z);
        double[][] s = new double[rows][n];
        for (int k = 0; k < rows; k++) {
            for (int i = 0; i < n; i++) {
                s[k][i] = z[i * rows + k] + intercepts[k];
            }
        }
        return s;
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}

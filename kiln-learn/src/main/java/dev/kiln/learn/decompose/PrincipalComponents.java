package dev.kiln.learn.decompose;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Blas;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.data.NumericOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * What every fitted PCA holds and how it maps data: the mean, k principal axes (rows of a k×p
 * array) with scikit-learn's attributes, and the projection (x − mean)·Vᵀ onto columns
 * pc1 … pck, divided by √variance when whitening. Every output column draws on every input column.
 */
public abstract sealed class PrincipalComponents implements FittedTransformer permits FittedPca, FittedIncrementalPca {
    private final String who;
    private final Schema inputSchema;
    private final List<String> columns;
    private final List<String> outputNames;
    private final Schema outputSchema;
    private final int k;
    private final int p;
    private final double[] mean;
    private final double[] components;
    private final double[] explainedVariance;
    private final double[] explainedVarianceRatio;
    private final double[] singularValues;
    private final double noiseVariance;
    private final boolean whiten;

    PrincipalComponents(String who, Schema inputSchema, double[] mean, double[] components, double[] explainedVariance,
                  double[] explainedVarianceRatio, double[] singularValues, double noiseVariance, boolean whiten) {
        this.who = who;
        this.inputSchema = inputSchema;
        this.columns = inputSchema.names();
        this.p = columns.size();
        this.k = explainedVariance.length;
        if (mean.length != p || components.length != k * p || explainedVarianceRatio.length != k || singularValues.length != k) {
            throw new IllegalArgumentException(who + ": " + k + " components of " + p + " features need a mean of " + p
                    + ", a " + k + "x" + p + " component matrix and " + k + " variances, ratios and singular values; got "
                    + mean.length + ", " + components.length + ", " + explainedVarianceRatio.length + " and "
                    + singularValues.length + " values");
        }
        this.mean = mean.clone();
        this.components = components.clone();
        this.explainedVariance = explainedVariance.clone();
        this.explainedVarianceRatio = explainedVarianceRatio.clone();
        this.singularValues = singularValues.clone();
        this.noiseVariance = noiseVariance;
        this.whiten = whiten;
        List<String> names = new ArrayList<>(k);
        List<Schema.Field> fields = new ArrayList<>(k);
        for (int c = 1; c <= k; c++) {
            names.add("pc" + c);
            fields.add(Schema.Field.of("pc" + c, ColumnType.DOUBLE));
        }
        this.outputNames = List.copyOf(names);
        this.outputSchema = new Schema(fields);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }

    /** The input columns, in the order of the components' entries. */
    public List<String> columns() {
        return columns;
    }

    /** The output columns: pc1 … pck. */
    public List<String> outputNames() {
        return outputNames;
    }

    public int nComponents() {
        return k;
    }

    /** Whether scores are divided by the square root of their variance. */
    public boolean whiten() {
        return whiten;
    }

    /** The principal axes as the rows of a new k×p matrix, of unit length and mutually orthogonal. */
    public Matrix components() {
        return Matrix.wrap(k, p, components.clone());
    }

    /** Each column's mean over the training rows. */
    public double[] mean() {
        return mean.clone();
    }

    /** The variance of the training scores along each axis (divisor n − 1): the covariance matrix's eigenvalues. */
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /** Each component's share of the total variance. */
    public double[] explainedVarianceRatio() {
        return explainedVarianceRatio.clone();
    }

    /** The singular values of the centred training data that go with the components. */
    public double[] singularValues() {
        return singularValues.clone();
    }

    /** The mean variance of the components left out (0 when none is): the noise of probabilistic PCA. */
    public double noiseVariance() {
        return noiseVariance;
    }

    /** The scores of every row of {@code features} as columns pc1 … pck. */
    @Override
    public Frame transform(Frame features) {
        Matrix x = NumericInput.completeFeaturesFor(inputSchema, features, who);
        int n = x.rows();
        Centring.subtract(x, mean);
        double[] scores = new double[n * k];
        Blas.dgemm(false, true, n, k, p, 1.0, x.storage(), 0, p, components, 0, p, 0.0, scores, 0, k);
        if (whiten) {
            scaleColumns(scores, n, whiteningScales(true));
        }
        return NumericOutput.frame(outputNames, scores, n);
    }

    /** Maps scores (columns pc1 … pck) back to the input columns: scores·V + mean, undoing any whitening. */
    public Frame inverseTransform(Frame scores) {
        Matrix z = NumericInput.completeFeaturesFor(outputSchema, scores, who);
        int n = z.rows();
        if (whiten) {
            scaleColumns(z.storage(), n, whiteningScales(false));
        }
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(mean, 0, x, i * p, p);
        }
        Blas.dgemm(false, false, n, p, k, 1.0, z.storage(), 0, k, components, 0, p, 1.0, x, 0, p);
        return NumericOutput.frame(columns, x, n);
    }

    /** Every input column, for each output column. */
    @Override
    public List<String> sources(String outputColumn) {
        return outputNames.contains(outputColumn) ? columns : List.of(outputColumn);
    }

    /**
     * 1/√variance per component (or √variance to undo it); a component of zero variance, whose
     * training scores are all zero, is left unscaled rather than divided by zero.
     */
    private double[] whiteningScales(boolean divide) {
        double[] s = new double[k];
        for (int c = 0; c < k; c++) {
            double sd = Math.sqrt(explainedVariance[c]);
            s[c] = sd > 0 ? (divide ? 1 / sd : sd) : 1.0;
        }
        return s;
    }

    private void scaleColumns(double[] rows, int n, double[] scales) {
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                rows[i * k + c] *= scales[c];
            }
        }
    }
}

package dev.kiln.explain.linear;

import dev.kiln.core.frame.Frame;
import dev.kiln.explain.ClassChoice;
import dev.kiln.explain.Explainer;
import dev.kiln.explain.Explanation;
import dev.kiln.explain.FeatureRows;
import java.util.List;

/**
 * Linear SHAP (Lundberg and Lee 2017, Corollary 1; shap's {@code LinearExplainer}) for linear
 * regressors and logistic regression. Independent (interventional) features give
 * {@code φ_i = w_i (x_i − E[x_i])}; correlation-dependent features give {@code φ = T (x − μ)}
 * under a Gaussian fitted to the background ({@link GaussianShapTransform}). The base value is
 * {@code w·μ + b}, the model output at the background mean, which for a linear output is the
 * mean output over the background. Logistic models are explained in log-odds.
 *
 * <p>Immutable and thread-safe.
 */
public final class LinearExplainer implements Explainer {
    public static final String METHOD = "linear";
    /** shap's default number of sampled feature orders for the correlation-dependent transform. */
    public static final int DEFAULT_PERMUTATIONS = 1000;
    private static final String WHO = "linear SHAP";

    private final LinearTerms terms;
    private final ClassChoice classChoice;
    private final double[] mean;
    /** Per class, T; null for independent features. */
    private final double[][][] transforms;

    private LinearExplainer(LinearTerms terms, String outputClass, double[] mean, double[][][] transforms) {
        if (terms.classes() == null && outputClass != null) {
            throw new IllegalArgumentException("a regressor has no classes; drop the class '" + outputClass + "'");
        }
        this.terms = terms;
        this.classChoice = terms.classes() == null ? null : ClassChoice.of(terms.classes(), outputClass);
        this.mean = mean;
        this.transforms = transforms;
    }

    /**
     * Linear SHAP with independent features: absent features take their background mean.
     *
     * @param outputClass the class to explain, or null for the default ({@link ClassChoice})
     */
    public static LinearExplainer independent(LinearTerms terms, String outputClass, Frame background) {
        double[][] rows = backgroundRows(terms, background, 1);
        return new LinearExplainer(terms, outputClass, mean(rows), null);
    }

    /**
     * Linear SHAP with correlated features: absent features take their conditional expectation
     * under a Gaussian with the background's mean and covariance (at least two rows).
     *
     * @param permutations feature orders sampled when there are more than {@link GaussianShapTransform#MAX_EXACT} features
     * @param seed         seeds that sampling
     */
    public static LinearExplainer correlated(LinearTerms terms, String outputClass, Frame background, int permutations,
                                             long seed) {
        double[][] rows = backgroundRows(terms, background, 2);
        double[] mean = mean(rows);
        double[][] cov = covariance(rows, mean);
        int outputs = terms.classes() == null ? 1 : terms.classes().size();
        double[][][] transforms = new double[outputs][][];
        for (int k = 0; k < outputs; k++) {
            transforms[k] = GaussianShapTransform.of(cov, terms.weights(k), permutations, seed);
        }
        return new LinearExplainer(terms, outputClass, mean, transforms);
    }

    /** Whether absent features are filled in by their conditional expectation given the present ones. */
    public boolean correlationDependent() {
        return transforms != null;
    }

    @Override
    public List<Explanation> explain(Frame rows) {
        double[][] x = FeatureRows.of(terms.inputSchema(), rows, WHO);
        int[] classOf = classChoice == null ? new int[x.length] : classChoice.indices(terms.classifier().orElseThrow(), rows);
        List<String> features = terms.inputSchema().names();
        int m = features.size();
        Explanation[] out = new Explanation[x.length];
        for (int i = 0; i < x.length; i++) {
            int k = classOf[i];
            double[] w = terms.weights(k);
            double b = terms.intercept(k);
            double base = b;
            double prediction = b;
            double[] centred = new double[m];
            for (int j = 0; j < m; j++) {
                base += w[j] * mean[j];
                prediction += w[j] * x[i][j];
                centred[j] = x[i][j] - mean[j];
            }
            double[] phi = new double[m];
            for (int j = 0; j < m; j++) {
                if (transforms == null) {
                    phi[j] = w[j] * centred[j];
                } else {
                    double[] t = transforms[k][j];
                    for (int c = 0; c < m; c++) {
                        phi[j] += t[c] * centred[c];
                    }
                }
            }
            String cls = classChoice == null ? null : terms.classes().get(k);
            out[i] = new Explanation(METHOD, terms.output(), cls, base, prediction, features, phi);
        }
        return List.of(out);
    }

    private static double[][] backgroundRows(LinearTerms terms, Frame background, int least) {
        if (background.rowCount() < least) {
            throw new IllegalArgumentException("linear SHAP needs at least " + least + " background row"
                    + (least == 1 ? "" : "s") + ", got " + background.rowCount());
        }
        return FeatureRows.of(terms.inputSchema(), background, WHO);
    }

    private static double[] mean(double[][] rows) {
        double[] mean = new double[rows[0].length];
        for (double[] r : rows) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= rows.length;
        }
        return mean;
    }

    /** The sample covariance (divided by n − 1, as numpy's {@code cov}). */
    private static double[][] covariance(double[][] rows, double[] mean) {
        int m = mean.length;
        double[][] cov = new double[m][m];
        for (double[] r : rows) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j <= i; j++) {
                    cov[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                cov[i][j] /= rows.length - 1;
                cov[j][i] = cov[i][j];
            }
        }
        return cov;
    }
}

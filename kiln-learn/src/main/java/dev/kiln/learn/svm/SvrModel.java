package dev.kiln.learn.svm;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Blas;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.RegressionModel;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.learn.data.NumericInput;

/**
 * A fitted {@link Svr}: f(x) = Σ_s (α_s − α*_s) k(s, x) + b over the support vectors s. The
 * getters follow scikit-learn's attributes ({@code support_vectors_}, {@code support_},
 * {@code dual_coef_}, {@code intercept_}); support vectors are in training order.
 */
public final class SvrModel extends SvmModel implements RegressionModel {
    private final Svr.Params params;
    private final double[] coef;
    private final double rho;

    SvrModel(Svr.Params params, Schema inputSchema, double gamma, double[] supportVectors, int[] supportIndices,
             double[] coef, double rho) {
        super(inputSchema, supportVectors, supportIndices,
                new KernelFunction(params.kernel(), gamma, params.degree(), params.coef0()));
        if (coef.length != supportIndices.length) {
            throw new IllegalArgumentException("inconsistent SVR: " + supportIndices.length + " support vectors, "
                    + coef.length + " coefficients");
        }
        this.params = params;
        this.coef = coef.clone();
        this.rho = rho;
    }

    public Svr.Params params() {
        return params;
    }

    /** α_s − α*_s per support vector. */
    public double[] dualCoefficients() {
        return coef.clone();
    }

    /** b, which is −ρ in libsvm's terms. */
    public double intercept() {
        return -rho;
    }

    @Override
    public RegressionPrediction predict(Frame features) {
        Matrix x = NumericInput.completeFeaturesFor(inputSchema(), features, Svr.WHO);
        int n = coef.length;
        return new RegressionPrediction(expansion().evaluate(NumericInput.rowMajor(x), x.rows(), 1,
                (k, off, out, o) -> out[o] = Blas.dot(n, coef, 0, k, off) - rho));
    }
}

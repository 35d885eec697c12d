package dev.kiln.learn.svm;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Estimator;
import dev.kiln.learn.data.NumericInput;
import java.util.Objects;

/**
 * ε-support vector regression (Vapnik, The Nature of Statistical Learning Theory, 1995; Smola
 * and Schölkopf, "A Tutorial on Support Vector Regression", Statistics and Computing 2004) as
 * libsvm and scikit-learn's {@code SVR} do it: the dual over (α, α*) as one 2l-variable problem
 * for the same SMO solver as classification ({@link SmoSolver} with {@link RegressionQ}).
 */
public final class Svr implements Estimator<SvrModel> {
    static final String WHO = "svm-regressor";

    /**
     * The hyperparameters; {@link #defaults()} are scikit-learn 1.2's.
     *
     * @param c         the box bound C on the dual variables (1.0)
     * @param epsilon   the half-width of the tube within which errors cost nothing (0.1)
     * @param kernel    the kernel (RBF)
     * @param degree    the polynomial kernel's degree (3)
     * @param gamma     γ of the RBF, polynomial and sigmoid kernels (scale)
     * @param coef0     the constant of the polynomial and sigmoid kernels (0)
     * @param shrinking whether the solver shrinks its active set (true)
     * @param tol       the stopping tolerance on the KKT violation (1e-3)
     * @param cacheSize the kernel cache, in MB (200)
     * @param maxIter   the solver's iteration limit, −1 for none beyond libsvm's own (−1)
     */
    public record Params(double c, double epsilon, Kernel kernel, int degree, Gamma gamma, double coef0,
                         boolean shrinking, double tol, double cacheSize, int maxIter) {
        public Params {
            SolverSettings.check(c, kernel, degree, gamma, coef0, tol, cacheSize, maxIter);
            if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("epsilon must be a finite number >= 0, got " + epsilon);
            }
        }

        public static Params defaults() {
            return new Params(1.0, 0.1, Kernel.RBF, 3, Gamma.scale(), 0.0, true, 1e-3, 200, -1);
        }

        SolverSettings solverSettings() {
            return new SolverSettings(tol, shrinking, cacheSize, maxIter);
        }
    }

    private final Params params;

    public Svr() {
        this(Params.defaults());
    }

    public Svr(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    /**
     * Solves min ½ (α − α*)ᵀK(α − α*) + ε Σ(α + α*) − yᵀ(α − α*) subject to Σ(α − α*) = 0,
     * 0 ≤ α, α* ≤ C; the model keeps the rows with α ≠ α*.
     */
    @Override
    public SvrModel fit(Frame features, Column target) {
        Matrix xm = NumericInput.features(features, WHO);
        double[] y = NumericInput.target(target, xm.rows(), WHO);
        double[] x = NumericInput.rowMajor(xm);
        int l = xm.rows();
        int dims = xm.cols();
        double gamma = params.gamma().resolve(x, l, dims);
        KernelFunction kernel = new KernelFunction(params.kernel(), gamma, params.degree(), params.coef0());
        double[] p = new double[2 * l];
        byte[] signs = new byte[2 * l];
        for (int i = 0; i < l; i++) {
            p[i] = params.epsilon() - y[i];
            p[i + l] = params.epsilon() + y[i];
            signs[i] = 1;
            signs[i + l] = -1;
        }
        SolverSettings s = params.solverSettings();
        QMatrix q = new RegressionQ(x, l, dims, kernel, s.cacheSize());
        SmoSolver.Solution solution = new SmoSolver(q, signs, p, new double[2 * l], params.c(), params.c(), s.tol(),
                s.shrinking(), s.maxIter()).solve();
        if (!solution.converged()) {
            s.warnUnconverged();
        }
        double[] alpha = solution.alpha();
        int count = 0;
        double[] coef = new double[l];
        for (int i = 0; i < l; i++) {
            coef[i] = alpha[i] - alpha[i + l];
            count += coef[i] != 0 ? 1 : 0;
        }
        int[] support = new int[count];
        double[] supportCoef = new double[count];
        for (int i = 0, t = 0; i < l; i++) {
            if (coef[i] != 0) {
                support[t] = i;
                supportCoef[t++] = coef[i];
            }
        }
        return new SvrModel(params, features.schema(), gamma, BinarySvc.gather(x, support, dims), support, supportCoef,
                solution.rho());
    }
}

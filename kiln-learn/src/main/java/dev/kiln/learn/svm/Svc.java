package dev.kiln.learn.svm;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Estimator;
import dev.kiln.learn.data.ClassTarget;
import dev.kiln.learn.data.NumericInput;
import java.util.Objects;

/**
 * C-support vector classification (Cortes and Vapnik, "Support-Vector Networks", Machine
 * Learning 1995) as libsvm and scikit-learn's {@code SVC} do it: the dual solved by SMO with
 * second-order working-set selection, shrinking and a kernel cache ({@link SmoSolver}),
 * multiclass by one-vs-one voting ({@link OneVsOne}), and, on request, probabilities from Platt
 * sigmoids fitted by internal cross-validation and coupled pairwise.
 */
public final class Svc implements Estimator<SvcModel> {
    static final String WHO = "svm-classifier";

    /**
     * The hyperparameters; {@link #defaults()} are scikit-learn 1.2's ({@code random_state=None}
     * aside: Kiln is always seeded).
     *
     * @param c                     the box bound C on the dual variables (1.0)
     * @param kernel                the kernel (RBF)
     * @param degree                the polynomial kernel's degree (3)
     * @param gamma                 γ of the RBF, polynomial and sigmoid kernels (scale)
     * @param coef0                 the constant of the polynomial and sigmoid kernels (0)
     * @param shrinking             whether the solver shrinks its active set (true)
     * @param probability           whether to fit Platt sigmoids and give probabilities (false)
     * @param tol                   the stopping tolerance on the KKT violation (1e-3)
     * @param cacheSize             the kernel cache per binary problem, in MB (200)
     * @param maxIter               the solver's iteration limit, −1 for none beyond libsvm's own (−1)
     * @param decisionFunctionShape the layout of {@link SvcModel#decisionFunction} for 3+ classes (OVR)
     * @param breakTies             whether to predict the largest OVR decision value instead of
     *                              the plain vote (false: ties in the vote go to the first class)
     * @param seed                  the seed of the cross-validation folds behind probabilities (0)
     */
    public record Params(double c, Kernel kernel, int degree, Gamma gamma, double coef0, boolean shrinking,
                         boolean probability, double tol, double cacheSize, int maxIter,
                         DecisionShape decisionFunctionShape, boolean breakTies, long seed) {
        public Params {
            SolverSettings.check(c, kernel, degree, gamma, coef0, tol, cacheSize, maxIter);
            if (decisionFunctionShape == null) {
                throw new IllegalArgumentException("decisionFunctionShape must be OVR or OVO, got null");
            }
            if (breakTies && decisionFunctionShape == DecisionShape.OVO) {
                throw new IllegalArgumentException("breakTies must be false when decisionFunctionShape is OVO");
            }
        }

        public static Params defaults() {
            return new Params(1.0, Kernel.RBF, 3, Gamma.scale(), 0.0, true, false, 1e-3, 200, -1, DecisionShape.OVR,
                    false, 0);
        }

        /** These parameters with another kernel. */
        public Params withKernel(Kernel k) {
            return new Params(c, k, degree, gamma, coef0, shrinking, probability, tol, cacheSize, maxIter,
                    decisionFunctionShape, breakTies, seed);
        }

        /** These parameters with another C. */
        public Params withC(double value) {
            return new Params(value, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, maxIter,
                    decisionFunctionShape, breakTies, seed);
        }

        /** These parameters with another γ. */
        public Params withGamma(Gamma g) {
            return new Params(c, kernel, degree, g, coef0, shrinking, probability, tol, cacheSize, maxIter,
                    decisionFunctionShape, breakTies, seed);
        }

        /** These parameters with probabilities on or off. */
        public Params withProbability(boolean on) {
            return new Params(c, kernel, degree, gamma, coef0, shrinking, on, tol, cacheSize, maxIter,
                    decisionFunctionShape, breakTies, seed);
        }

        SolverSettings solverSettings() {
            return new SolverSettings(tol, shrinking, cacheSize, maxIter);
        }
    }

    private final Params params;

    public Svc() {
        this(Params.defaults());
    }

    public Svc(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public SvcModel fit(Frame features, Column target) {
        Matrix xm = NumericInput.features(features, WHO);
        ClassTarget y = ClassTarget.of(target, xm.rows(), WHO);
        double[] x = NumericInput.rowMajor(xm);
        int dims = xm.cols();
        double gamma = params.gamma().resolve(x, xm.rows(), dims);
        KernelFunction kernel = new KernelFunction(params.kernel(), gamma, params.degree(), params.coef0());
        OneVsOne.Trained t = OneVsOne.train(x, dims, y.codes(), y.classCount(), params.c(), kernel,
                params.solverSettings(), params.probability(), params.seed());
        return new SvcModel(params, features.schema(), y.classes(), gamma,
                BinarySvc.gather(x, t.supportIndices(), dims), t.supportIndices(), t.supportCounts(), t.coef(), t.rho(),
                t.probA(), t.probB());
    }
}

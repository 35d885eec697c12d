package dev.kiln.learn.linear;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.CsrMatrix;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Estimator;
import dev.kiln.learn.data.ClassTarget;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.optim.Lbfgs;
import dev.kiln.learn.optim.OwlQn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Logistic regression as scikit-learn 1.2's {@code LogisticRegression} with
 * {@code multi_class='auto'}: the binomial model for two classes, the multinomial (softmax) model
 * for more, minimising C·Σᵢ log-loss + penalty with the intercepts unpenalised. The L2 penalty
 * ½‖W‖² (or none) is minimised by {@link Lbfgs} on Σ log-loss + ‖W‖²/(2C), scikit-learn's lbfgs
 * objective and solver. The L1 penalty ‖W‖₁ and the elastic net ρ‖W‖₁ + ½(1 − ρ)‖W‖², which
 * scikit-learn fits with saga, reach the same optimum here by second-order methods: proximal
 * Newton with coordinate descent for two classes ({@link ProximalNewton}, glmnet/newGLMNET), and
 * for the multinomial model, whose classes are coupled through the softmax, {@link OwlQn}
 * (orthant-wise L-BFGS) on the joint problem. Every solver stops when the largest component of
 * the (minimum-norm sub)gradient of Σ log-loss + penalty/C is at most tol, or after maxIter
 * iterations.
 */
public final class LogisticRegression implements Estimator<LogisticRegressionModel> {
    static final String NAME = "logistic-regression";

    /**
     * The hyperparameters (scikit-learn's defaults in brackets).
     *
     * @param penalty      the penalty (L2)
     * @param c            the inverse penalty strength, the weight of the loss, > 0 (1.0)
     * @param l1Ratio      ρ in [0, 1], the L1 share of the ELASTICNET penalty, which needs it; null otherwise (null)
     * @param fitIntercept whether to fit intercepts (true)
     * @param maxIter      the most iterations, ≥ 1 (100)
     * @param tol          the stopping tolerance, > 0 (1e-4)
     */
    public record Params(Penalty penalty, double c, Double l1Ratio, boolean fitIntercept, int maxIter, double tol) {
        public Params {
            Checks.required("penalty", penalty);
            Checks.positive("c", c);
            if (penalty == Penalty.ELASTICNET && l1Ratio == null) {
                throw new IllegalArgumentException("l1Ratio must be given with the ELASTICNET penalty (a number in [0, 1])");
            }
            if (l1Ratio != null) {
                Checks.unitInterval("l1Ratio", l1Ratio);
            }
            Checks.atLeast("maxIter", maxIter, 1);
            Checks.positive("tol", tol);
        }

        public static Params defaults() {
            return new Params(Penalty.L2, 1.0, null, true, 100, 1e-4);
        }

        public Params withPenalty(Penalty penalty) {
            return new Params(penalty, c, l1Ratio, fitIntercept, maxIter, tol);
        }

        /** The ELASTICNET penalty with L1 share {@code l1Ratio}. */
        public Params withElasticNet(double l1Ratio) {
            return new Params(Penalty.ELASTICNET, c, l1Ratio, fitIntercept, maxIter, tol);
        }

        public Params withC(double c) {
            return new Params(penalty, c, l1Ratio, fitIntercept, maxIter, tol);
        }

        public Params withMaxIter(int maxIter) {
            return new Params(penalty, c, l1Ratio, fitIntercept, maxIter, tol);
        }

        public Params withTol(double tol) {
            return new Params(penalty, c, l1Ratio, fitIntercept, maxIter, tol);
        }

        public Params withFitIntercept(boolean fitIntercept) {
            return new Params(penalty, c, l1Ratio, fitIntercept, maxIter, tol);
        }
    }

    private final Params params;

    public LogisticRegression() {
        this(Params.defaults());
    }

    public LogisticRegression(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public LogisticRegressionModel fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, NAME);
        ClassTarget y = ClassTarget.of(target, x.rows(), NAME);
        int n = x.rows();
        int p = x.cols();
        int rows = LinearClassifierModel.decisionRows(y.classCount());
        double[] data = x.toRowMajorArray();
        double[] coefficients;
        double[] intercepts;
        int iterations;
        if (rows == 1 && (params.penalty() == Penalty.L1 || params.penalty() == Penalty.ELASTICNET)) {
            double rho = l1Share();
            int[] codes = y.codes();
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                positive[i] = codes[i] == 1;
            }
            ProximalNewton.Result r = new ProximalNewton(data, n, p, positive, params.fitIntercept(), params.c(), rho, 1 - rho)
                    .solve(params.maxIter(), params.tol());
            coefficients = r.coefficients();
            intercepts = new double[] {r.intercept()};
            iterations = r.iterations();
        } else {
            return quasiNewton(new DesignMatrix.Dense(data, n, p), y, features.schema());
        }
        return new LogisticRegressionModel(params, features.schema(), y.classes(), coefficients, intercepts, iterations);
    }

    /**
     * Fits on sparse features (such as TF-IDF vectors) without densifying them: L-BFGS for the
     * L2 penalty and none, OWL-QN for L1 and the elastic net. The model's input columns are
     * {@code featureNames}, one per column of {@code x}; it predicts from sparse rows with
     * {@link LinearClassifierModel#predict(CsrMatrix)}.
     */
    public LogisticRegressionModel fit(CsrMatrix x, List<String> featureNames, Column target) {
        if (featureNames.size() != x.cols()) {
            throw new IllegalArgumentException(NAME + ": " + featureNames.size() + " feature names for " + x.cols() + " columns");
        }
        for (int at = 0; at < x.nonZeros(); at++) {
            if (!Double.isFinite(x.value(at))) {
                throw new IllegalArgumentException(NAME + ": the sparse features hold " + x.value(at) + " in column '"
                        + featureNames.get(x.column(at)) + "'; every value must be finite");
            }
        }
        ClassTarget y = ClassTarget.of(target, x.rows(), NAME);
        List<Schema.Field> fields = new ArrayList<>(featureNames.size());
        for (String name : featureNames) {
            fields.add(Schema.Field.of(name, ColumnType.DOUBLE));
        }
        return quasiNewton(new DesignMatrix.Sparse(x), y, new Schema(fields));
    }

    private LogisticRegressionModel quasiNewton(DesignMatrix x, ClassTarget y, Schema schema) {
        int p = x.cols();
        int rows = LinearClassifierModel.decisionRows(y.classCount());
        Lbfgs.Result r = quasiNewton(x, y);
        double[] solution = r.x();
        double[] coefficients = Arrays.copyOf(solution, rows * p);
        double[] intercepts = params.fitIntercept() ? Arrays.copyOfRange(solution, rows * p, rows * p + rows) : new double[rows];
        centre(intercepts);
        return new LogisticRegressionModel(params, schema, y.classes(), coefficients, intercepts, r.iterations());
    }

    /**
     * Shifts multinomial intercepts to sum to zero. The softmax, hence the loss, ignores a common
     * shift, and the intercepts are not penalised, so they are defined only up to one;
     * scikit-learn's solvers, started from zero, keep the sum at zero.
     */
    private static void centre(double[] intercepts) {
        if (intercepts.length > 1) {
            double mean = Arrays.stream(intercepts).sum() / intercepts.length;
            for (int k = 0; k < intercepts.length; k++) {
                intercepts[k] -= mean;
            }
        }
    }

    /** ρ, the L1 share of the penalty: 1 for L1, l1Ratio for the elastic net, 0 otherwise. */
    private double l1Share() {
        return switch (params.penalty()) {
            case L1 -> 1;
            case ELASTICNET -> params.l1Ratio();
            case L2, NONE -> 0;
        };
    }

    /**
     * L-BFGS on Σ loss + ‖W‖²/(2C) for the L2 penalty (no penalty term for NONE), with scipy's
     * stopping rules as scikit-learn; OWL-QN on Σ loss + (ρ‖W‖₁ + ½(1 − ρ)‖W‖²)/C for the
     * multinomial L1 and elastic-net penalties, stopped by tol alone: the objective's relative
     * change stalls long before the pseudo-gradient is small on the L1 kinks.
     */
    private Lbfgs.Result quasiNewton(DesignMatrix x, ClassTarget y) {
        int p = x.cols();
        Lbfgs.Params settings = Lbfgs.Params.defaults().withMaxIterations(params.maxIter()).withGradientTolerance(params.tol());
        double rho = l1Share();
        double l2 = params.penalty() == Penalty.NONE ? 0 : (1 - rho) / params.c();
        LogisticLoss loss = new LogisticLoss(x, y.codes(), y.classCount(), params.fitIntercept(), l2);
        double[] start = new double[loss.dimension()];
        if (rho == 0) {
            return new Lbfgs(settings).minimize(loss, start);
        }
        double[] l1 = new double[start.length];
        Arrays.fill(l1, 0, LinearClassifierModel.decisionRows(y.classCount()) * p, rho / params.c());
        return new OwlQn(settings.withValueTolerance(0)).minimize(loss, l1, start);
    }
}

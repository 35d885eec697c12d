package dev.kiln.learn.optim;

import dev.kiln.core.linalg.Blas;
import java.util.Objects;

/**
 * Orthant-wise limited-memory quasi-Newton (OWL-QN; Andrew and Gao, "Scalable Training of
 * L1-Regularized Log-Linear Models", ICML 2007): minimises f(x) + Σᵢ λᵢ|xᵢ| for a smooth f and
 * weights λᵢ ≥ 0 (0 leaves a variable unpenalised). Each iteration takes the L-BFGS direction
 * ({@link CurvatureMemory}, curvature pairs from ∇f alone) for the pseudo-gradient — the
 * minimum-norm subgradient of the objective — zeroes the components that disagree in sign with
 * its negative, and backtracks (halving from the unit step) along the path projected onto the
 * orthant of the current point until the objective falls by 1e-4 times the decrease the
 * pseudo-gradient predicts. Variables that would cross zero stop at zero, which is how exact
 * zeros arise. Stopping rules and parameters are those of {@link Lbfgs}, with the pseudo-gradient
 * in place of the gradient; a backtracking that exhausts maxLineSearchSteps counts as a failed
 * line search.
 */
public final class OwlQn {
    private static final double SUFFICIENT_DECREASE = 1e-4;

    private final Lbfgs.Params params;

    public OwlQn() {
        this(Lbfgs.Params.defaults());
    }

    public OwlQn(Lbfgs.Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Lbfgs.Params params() {
        return params;
    }

    /**
     * Minimises {@code f(x) + Σ l1[i]·|x[i]|} from {@code start}, which is left unchanged. The
     * result's value includes the L1 term and its gradient is the pseudo-gradient.
     *
     * @throws IllegalArgumentException if start is empty, the weights do not match it or are
     *     negative, or f or its gradient is not finite at start
     */
    public Lbfgs.Result minimize(DifferentiableFunction f, double[] l1, double[] start) {
        Objects.requireNonNull(f, "f");
        int n = start.length;
        if (n == 0) {
            throw new IllegalArgumentException("OWL-QN needs at least one variable");
        }
        if (l1.length != n) {
            throw new IllegalArgumentException("OWL-QN: " + l1.length + " L1 weights for " + n + " variables");
        }
        for (int i = 0; i < n; i++) {
            if (!(l1[i] >= 0) || Double.isInfinite(l1[i])) {
                throw new IllegalArgumentException("OWL-QN: L1 weight " + i + " must be finite and >= 0, got " + l1[i]);
            }
        }
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        if (!Double.isFinite(fx) || !Lbfgs.allFinite(g)) {
            throw new IllegalArgumentException("OWL-QN: the objective " + (Double.isFinite(fx) ? "gradient" : "value")
                    + " is not finite at the starting point (f = " + fx + ")");
        }
        double value = fx + penalty(x, l1);
        double[] pg = new double[n];
        pseudoGradient(x, g, l1, pg);
        int evaluations = 1;
        if (Lbfgs.maxAbs(pg) <= params.gradientTolerance()) {
            return new Lbfgs.Result(x, value, pg, 0, evaluations, Lbfgs.Stop.GRADIENT);
        }
        CurvatureMemory memory = new CurvatureMemory(params.memory(), n);
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int iterations = 0;
        while (iterations < params.maxIterations()) {
            memory.direction(pg, d);
            alignWithDescent(d, pg);
            if (!(Blas.dot(n, pg, 0, d, 0) < 0)) {
                memory.clear();
                CurvatureMemory.steepestDescent(pg, d);
            }
            double step = iterations == 0 && memory.isEmpty()
                    ? Math.min(1 / Math.sqrt(Blas.dot(n, d, 0, d, 0)), 1e10) : 1.0;
            double newValue = Double.NaN;
            boolean accepted = false;
            for (int trial = 0; trial < params.maxLineSearchSteps() && !accepted; trial++, step *= 0.5) {
                double predicted = 0;
                for (int i = 0; i < n; i++) {
                    double orthant = x[i] != 0 ? Math.signum(x[i]) : -Math.signum(pg[i]);
                    double xi = x[i] + step * d[i];
                    xNew[i] = xi * orthant > 0 ? xi : 0;
                    predicted += pg[i] * (xNew[i] - x[i]);
                }
                newValue = f.valueAndGradient(xNew, gNew) + penalty(xNew, l1);
                evaluations++;
                accepted = newValue <= value + SUFFICIENT_DECREASE * predicted;
            }
            if (!accepted) {
                if (memory.isEmpty()) {
                    return new Lbfgs.Result(x, value, pg, iterations, evaluations, Lbfgs.Stop.LINE_SEARCH);
                }
                memory.clear();
                continue;
            }
            double decrease = 0;
            for (int i = 0; i < n; i++) {
                decrease -= pg[i] * (xNew[i] - x[i]);
            }
            memory.add(x, xNew, g, gNew, decrease);
            double old = value;
            value = newValue;
            double[] t = x;
            x = xNew;
            xNew = t;
            t = g;
            g = gNew;
            gNew = t;
            pseudoGradient(x, g, l1, pg);
            iterations++;
            if (Lbfgs.maxAbs(pg) <= params.gradientTolerance()) {
                return new Lbfgs.Result(x, value, pg, iterations, evaluations, Lbfgs.Stop.GRADIENT);
            }
            if (old - value <= params.valueTolerance() * Math.max(Math.max(Math.abs(old), Math.abs(value)), 1)) {
                return new Lbfgs.Result(x, value, pg, iterations, evaluations, Lbfgs.Stop.VALUE_CHANGE);
            }
        }
        return new Lbfgs.Result(x, value, pg, iterations, evaluations, Lbfgs.Stop.MAX_ITERATIONS);
    }

    private static double penalty(double[] x, double[] l1) {
        double p = 0;
        for (int i = 0; i < x.length; i++) {
            p += l1[i] * Math.abs(x[i]);
        }
        return p;
    }

    /**
     * The minimum-norm subgradient of f + Σλᵢ|xᵢ|: ∇ᵢf + λᵢ·sign(xᵢ) off zero; at zero the one-sided
     * derivative that is negative in the direction of descent, or 0 when neither is.
     */
    static void pseudoGradient(double[] x, double[] g, double[] l1, double[] out) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                out[i] = g[i] + l1[i];
            } else if (x[i] < 0) {
                out[i] = g[i] - l1[i];
            } else if (g[i] + l1[i] < 0) {
                out[i] = g[i] + l1[i];
            } else if (g[i] - l1[i] > 0) {
                out[i] = g[i] - l1[i];
            } else {
                out[i] = 0;
            }
        }
    }

    /** Zeroes the components of d that do not point against the pseudo-gradient. */
    private static void alignWithDescent(double[] d, double[] pg) {
        for (int i = 0; i < d.length; i++) {
            if (d[i] * pg[i] >= 0) {
                d[i] = 0;
            }
        }
    }
}

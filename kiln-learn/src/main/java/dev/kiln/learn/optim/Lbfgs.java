package dev.kiln.learn.optim;

import dev.kiln.core.linalg.Blas;
import java.util.Objects;

/**
 * Limited-memory BFGS: Nocedal and Wright, Numerical Optimization, 2nd ed., Algorithm 7.5,
 * the search direction from the two-loop recursion of Algorithm 7.4 with the initial Hessian
 * scaled by sᵀy/yᵀy (eq. 7.20), and steps from a strong Wolfe line search (Algorithms 3.5/3.6,
 * c1 = 1e-4, c2 = 0.9) that tries the unit step first, except on the first iteration, where it
 * tries a step of length 1 along the steepest descent (as L-BFGS-B). It stops as scipy's
 * L-BFGS-B does without bounds: when the largest gradient component is at most
 * {@code gradientTolerance} (scipy's {@code gtol}, the projected-gradient norm), when the
 * relative decrease of f falls to {@code valueTolerance} (scipy's {@code ftol}), or after
 * {@code maxIterations} steps. A curvature pair with sᵀy ≤ ε·|gᵀs| is skipped, and when a line
 * search fails the memory is dropped and the search retried along the steepest descent, as
 * L-BFGS-B does. The minimiser is immutable and can run many minimisations at once; each uses
 * O(memory · n) working space.
 */
public final class Lbfgs {
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final double MAX_FIRST_STEP = 1e10;

    /**
     * The stopping rules and memory.
     *
     * @param memory             how many curvature pairs to keep (scipy's maxcor, 10)
     * @param maxIterations      the most steps to take (scipy's maxiter, 15000)
     * @param gradientTolerance  stop when max |∂f/∂xᵢ| ≤ this (scipy's gtol, 1e-5)
     * @param valueTolerance     stop when (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ this
     *                           (scipy's ftol, 1e7 · 2⁻⁵²)
     * @param maxLineSearchSteps the most evaluations of f in one line search (scipy's maxls, 20)
     */
    public record Params(int memory, int maxIterations, double gradientTolerance, double valueTolerance,
                         int maxLineSearchSteps) {
        public Params {
            if (memory < 1) {
                throw new IllegalArgumentException("memory must be >= 1, got " + memory);
            }
            if (maxIterations < 0) {
                throw new IllegalArgumentException("maxIterations must be >= 0, got " + maxIterations);
            }
            if (!(gradientTolerance >= 0) || Double.isInfinite(gradientTolerance)) {
                throw new IllegalArgumentException("gradientTolerance must be finite and >= 0, got " + gradientTolerance);
            }
            if (!(valueTolerance >= 0) || Double.isInfinite(valueTolerance)) {
                throw new IllegalArgumentException("valueTolerance must be finite and >= 0, got " + valueTolerance);
            }
            if (maxLineSearchSteps < 1) {
                throw new IllegalArgumentException("maxLineSearchSteps must be >= 1, got " + maxLineSearchSteps);
            }
        }

        /** scipy's L-BFGS-B defaults. */
        public static Params defaults() {
            return new Params(10, 15000, 1e-5, 1e7 * Math.ulp(1.0), 20);
        }

        public Params withMaxIterations(int maxIterations) {
            return new Params(memory, maxIterations, gradientTolerance, valueTolerance, maxLineSearchSteps);
        }

        public Params withGradientTolerance(double gradientTolerance) {
            return new Params(memory, maxIterations, gradientTolerance, valueTolerance, maxLineSearchSteps);
        }

        public Params withValueTolerance(double valueTolerance) {
            return new Params(memory, maxIterations, gradientTolerance, valueTolerance, maxLineSearchSteps);
        }
    }

    /** Why a minimisation stopped. */
    public enum Stop {
        /** The largest gradient component reached the gradient tolerance. */
        GRADIENT,
        /** The relative decrease of f fell to the value tolerance. */
        VALUE_CHANGE,
        /** The iteration limit was reached first. */
        MAX_ITERATIONS,
        /** No step along the steepest descent decreased f enough: usually f or its gradient is inaccurate. */
        LINE_SEARCH
    }

    /**
     * The outcome of a minimisation.
     *
     * @param x           the last point reached
     * @param value       f(x)
     * @param gradient    ∇f(x)
     * @param iterations  the steps taken
     * @param evaluations how many times f was evaluated
     * @param stop        why it stopped
     */
    public record Result(double[] x, double value, double[] gradient, int iterations, int evaluations, Stop stop) {
        public Result {
            x = x.clone();
            gradient = gradient.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] gradient() {
            return gradient.clone();
        }

        /** Whether a tolerance was met (as opposed to running out of iterations or line-search steps). */
        public boolean converged() {
            return stop == Stop.GRADIENT || stop == Stop.VALUE_CHANGE;
        }
    }

    private final Params params;

    public Lbfgs() {
        this(Params.defaults());
    }

    public Lbfgs(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    /**
     * Minimises {@code f} from {@code start}, which is left unchanged.
     *
     * @throws IllegalArgumentException if start is empty or f or its gradient is not finite there
     */
    public Result minimize(DifferentiableFunction f, double[] start) {
        Objects.requireNonNull(f, "f");
        int n = start.length;
        if (n == 0) {
            throw new IllegalArgumentException("L-BFGS needs at least one variable");
        }
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        if (!Double.isFinite(fx) || !allFinite(g)) {
            throw new IllegalArgumentException("L-BFGS: the objective " + (Double.isFinite(fx) ? "gradient" : "value")
                    + " is not finite at the starting point (f = " + fx + ")");
        }
        int evaluations = 1;
        if (maxAbs(g) <= params.gradientTolerance()) {
            return new Result(x, fx, g, 0, evaluations, Stop.GRADIENT);
        }
        CurvatureMemory memory = new CurvatureMemory(params.memory(), n);
        WolfeLineSearch search = new WolfeLineSearch(f, n, C1, C2, params.maxLineSearchSteps());
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int iterations = 0;
        while (iterations < params.maxIterations()) {
            memory.direction(g, d);
            double slope = Blas.dot(n, g, 0, d, 0);
            if (!(slope < 0)) {
                memory.clear();
                CurvatureMemory.steepestDescent(g, d);
                slope = Blas.dot(n, g, 0, d, 0);
            }
            double step = iterations == 0 && memory.isEmpty()
                    ? Math.min(1 / Math.sqrt(Blas.dot(n, d, 0, d, 0)), MAX_FIRST_STEP) : 1.0;
            WolfeLineSearch.Outcome outcome = search.search(x, fx, slope, d, step, xNew, gNew);
            evaluations += outcome.evaluations();
            if (outcome.status() == WolfeLineSearch.Status.FAILED) {
                if (memory.isEmpty()) {
                    return new Result(x, fx, g, iterations, evaluations, Stop.LINE_SEARCH);
                }
                memory.clear();
                continue;
            }
            memory.add(x, xNew, g, gNew, -slope * outcome.step());
            double fOld = fx;
            fx = outcome.value();
            double[] t = x;
            x = xNew;
            xNew = t;
            t = g;
            g = gNew;
            gNew = t;
            iterations++;
            if (maxAbs(g) <= params.gradientTolerance()) {
                return new Result(x, fx, g, iterations, evaluations, Stop.GRADIENT);
            }
            if (fOld - fx <= params.valueTolerance() * Math.max(Math.max(Math.abs(fOld), Math.abs(fx)), 1)) {
                return new Result(x, fx, g, iterations, evaluations, Stop.VALUE_CHANGE);
            }
        }
        return new Result(x, fx, g, iterations, evaluations, Stop.MAX_ITERATIONS);
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }
}

package dev.kiln.learn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.linalg.Cholesky;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.Vector;
import dev.kiln.core.random.Rng;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LbfgsTest {
    private static final Lbfgs TIGHT = new Lbfgs(Lbfgs.Params.defaults().withGradientTolerance(1e-10).withValueTolerance(0));

    /** f(x) = Σ 100(x₂ᵢ − x₂ᵢ₋₁²)² + (1 − x₂ᵢ₋₁)², the extended Rosenbrock function; its minimum is 0 at (1, …, 1). */
    static final DifferentiableFunction ROSENBROCK = (x, g) -> {
        double f = 0;
        for (int i = 0; i < x.length; i += 2) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
            g[i] = -400 * x[i] * a - 2 * b;
            g[i + 1] = 200 * a;
        }
        return f;
    };

    @Test
    void findsTheMinimumOfRosenbrocksFunctionFromTheClassicStart() {
        Lbfgs.Result r = TIGHT.minimize(ROSENBROCK, new double[] {-1.2, 1});
        assertThat(r.stop()).isEqualTo(Lbfgs.Stop.GRADIENT);
        assertThat(r.converged()).isTrue();
        assertThat(r.x()[0]).isCloseTo(1, within(1e-8));
        assertThat(r.x()[1]).isCloseTo(1, within(1e-8));
        assertThat(r.value()).isLessThan(1e-16);
        assertThat(maxAbs(r.gradient())).isLessThanOrEqualTo(1e-10);
        assertThat(r.evaluations()).isGreaterThan(r.iterations());
    }

    @Test
    void findsTheMinimumOfTheExtendedRosenbrockFunctionInHundredDimensions() {
        double[] start = new double[100];
        for (int i = 0; i < start.length; i += 2) {
            start[i] = -1.2;
            start[i + 1] = 1;
        }
        Lbfgs.Result r = TIGHT.minimize(ROSENBROCK, start);
        assertThat(r.converged()).isTrue();
        for (double xi : r.x()) {
            assertThat(xi).isCloseTo(1, within(1e-7));
        }
    }

    @Test
    void solvesAQuadraticToItsClosedFormMinimum() {
        // f(x) = ½xᵀAx − bᵀx with A = MᵀM + 0.1·I has its minimum at x* = A⁻¹b, and since every
        // eigenvalue of A is at least 0.1, ‖x − x*‖ ≤ ‖∇f(x)‖ / 0.1. (f is about −20 there, so its
        // rounding, ~1e-14, limits how small a gradient a line search on f can reach.)
        Rng rng = Rng.seeded(7);
        int n = 40;
        Matrix m = Matrix.gaussian(n, n, rng);
        Matrix a = m.transposeTimes(m).plus(Matrix.identity(n).times(0.1));
        double[] b = Vector.from(n, i -> rng.nextGaussian()).toArray();
        double[] expected = Cholesky.of(a).solve(Vector.wrap(b)).toArray();
        DifferentiableFunction quadratic = (x, g) -> {
            double[] ax = a.times(Vector.wrap(x)).toArray();
            double f = 0;
            for (int i = 0; i < n; i++) {
                g[i] = ax[i] - b[i];
                f += 0.5 * x[i] * ax[i] - b[i] * x[i];
            }
            return f;
        };
        Lbfgs.Result r = new Lbfgs(Lbfgs.Params.defaults().withGradientTolerance(1e-6).withValueTolerance(0))
                .minimize(quadratic, new double[n]);
        assertThat(r.stop()).isEqualTo(Lbfgs.Stop.GRADIENT);
        double bound = Vector.wrap(r.gradient()).norm() / 0.1;
        assertThat(bound).isLessThan(1e-4);
        assertThat(Vector.wrap(r.x()).minus(Vector.wrap(expected)).norm()).isLessThanOrEqualTo(bound);
    }

    @Test
    void reachesTinyGradientsOnAnIllConditionedQuadraticWhoseMinimumIsZero() {
        // f(x) = ½(x − c)ᵀA(x − c), eigenvalues of A from 1e-3 to 10: minimum 0 at c, and
        // ‖x − c‖ ≤ ‖∇f(x)‖ / 1e-3.
        Rng rng = Rng.seeded(11);
        int n = 30;
        Matrix q = dev.kiln.core.linalg.QR.of(Matrix.gaussian(n, n, rng)).q();
        double[] eigenvalues = new double[n];
        for (int i = 0; i < n; i++) {
            eigenvalues[i] = Math.pow(10, -3 + 4.0 * i / (n - 1));
        }
        Matrix a = q.times(Matrix.diagonal(eigenvalues)).timesTranspose(q);
        double[] c = Vector.from(n, i -> rng.nextGaussian()).toArray();
        DifferentiableFunction f = (x, g) -> {
            double[] d = Vector.wrap(x).minus(Vector.wrap(c)).toArray();
            double[] ad = a.times(Vector.wrap(d)).toArray();
            System.arraycopy(ad, 0, g, 0, n);
            return 0.5 * Vector.wrap(d).dot(Vector.wrap(ad));
        };
        Lbfgs.Result r = TIGHT.minimize(f, new double[n]);
        assertThat(r.stop()).isEqualTo(Lbfgs.Stop.GRADIENT);
        assertThat(Vector.wrap(r.x()).minus(Vector.wrap(c)).norm())
                .isLessThanOrEqualTo(Vector.wrap(r.gradient()).norm() / 1e-3)
                .isLessThan(1e-6);
    }

    @Test
    void aSeparableQuadraticWithAScaleOfAMillionConverges() {
        // f(x) = Σ cᵢ(xᵢ − i)² with cᵢ from 1 to 1e6: the minimum is x = (0, 1, 2, …).
        int n = 7;
        DifferentiableFunction f = (x, g) -> {
            double v = 0;
            for (int i = 0; i < n; i++) {
                double c = Math.pow(10, i);
                v += c * (x[i] - i) * (x[i] - i);
                g[i] = 2 * c * (x[i] - i);
            }
            return v;
        };
        Lbfgs.Result r = TIGHT.minimize(f, new double[n]);
        assertThat(r.converged()).isTrue();
        for (int i = 0; i < n; i++) {
            assertThat(r.x()[i]).isCloseTo(i, within(1e-9));
        }
    }

    @Test
    void stopsOnTheGradientToleranceAsScipyDoes() {
        // With scipy's gtol = 1e-5 the largest gradient component at the end is at most 1e-5,
        // unless the relative decrease of f fell below ftol first.
        Lbfgs.Result r = new Lbfgs().minimize(ROSENBROCK, new double[] {-1.2, 1});
        assertThat(r.converged()).isTrue();
        if (r.stop() == Lbfgs.Stop.GRADIENT) {
            assertThat(maxAbs(r.gradient())).isLessThanOrEqualTo(1e-5);
        }
        assertThat(r.x()[0]).isCloseTo(1, within(1e-3));
    }

    @Test
    void aStartAtTheMinimumTakesNoStep() {
        AtomicInteger calls = new AtomicInteger();
        DifferentiableFunction counted = (x, g) -> {
            calls.incrementAndGet();
            return ROSENBROCK.valueAndGradient(x, g);
        };
        Lbfgs.Result r = new Lbfgs().minimize(counted, new double[] {1, 1});
        assertThat(r.iterations()).isZero();
        assertThat(r.evaluations()).isEqualTo(1).isEqualTo(calls.get());
        assertThat(r.stop()).isEqualTo(Lbfgs.Stop.GRADIENT);
        assertThat(r.x()).containsExactly(1, 1);
    }

    @Test
    void theIterationLimitStopsItUnconverged() {
        Lbfgs.Result r = new Lbfgs(Lbfgs.Params.defaults().withMaxIterations(3)).minimize(ROSENBROCK, new double[] {-1.2, 1});
        assertThat(r.iterations()).isEqualTo(3);
        assertThat(r.stop()).isEqualTo(Lbfgs.Stop.MAX_ITERATIONS);
        assertThat(r.converged()).isFalse();
        assertThat(r.value()).isLessThan(24.2);
    }

    @Test
    void everyIterationDecreasesTheObjectiveAndEvaluationsAreCounted() {
        AtomicInteger calls = new AtomicInteger();
        DifferentiableFunction counted = (x, g) -> {
            calls.incrementAndGet();
            return ROSENBROCK.valueAndGradient(x, g);
        };
        double previous = ROSENBROCK.valueAndGradient(new double[] {-1.2, 1}, new double[2]);
        for (int limit = 1; limit <= 30; limit++) {
            calls.set(0);
            Lbfgs.Result r = new Lbfgs(Lbfgs.Params.defaults().withMaxIterations(limit)).minimize(counted, new double[] {-1.2, 1});
            assertThat(r.evaluations()).isEqualTo(calls.get());
            assertThat(r.value()).as("after %d iterations", limit).isLessThan(previous);
            previous = r.value();
        }
    }

    @Test
    void leavesTheStartUnchangedAndRepeatsItselfExactly() {
        double[] start = {-1.2, 1, 0.5, -0.3};
        double[] copy = start.clone();
        Lbfgs.Result a = new Lbfgs().minimize(ROSENBROCK, start);
        Lbfgs.Result b = new Lbfgs().minimize(ROSENBROCK, start);
        assertThat(start).containsExactly(copy);
        assertThat(a.x()).containsExactly(b.x());
        assertThat(a.iterations()).isEqualTo(b.iterations());
    }

    @Test
    void stepsOutsideTheDomainAreShortened() {
        // f(x) = Σ xᵢ − log xᵢ is undefined (NaN here) for xᵢ ≤ 0; its minimum is at xᵢ = 1.
        DifferentiableFunction barrier = (x, g) -> {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                if (x[i] <= 0) {
                    return Double.NaN;
                }
                f += x[i] - Math.log(x[i]);
                g[i] = 1 - 1 / x[i];
            }
            return f;
        };
        Lbfgs.Result r = TIGHT.minimize(barrier, new double[] {30, 0.05, 8});
        assertThat(r.converged()).isTrue();
        for (double xi : r.x()) {
            assertThat(xi).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void aWrongGradientEndsInALineSearchFailureAtTheStart() {
        DifferentiableFunction wrongSign = (x, g) -> {
            double f = ROSENBROCK.valueAndGradient(x, g);
            for (int i = 0; i < g.length; i++) {
                g[i] = -g[i];
            }
            return f;
        };
        Lbfgs.Result r = new Lbfgs().minimize(wrongSign, new double[] {-1.2, 1});
        assertThat(r.stop()).isEqualTo(Lbfgs.Stop.LINE_SEARCH);
        assertThat(r.converged()).isFalse();
        assertThat(r.iterations()).isZero();
        assertThat(r.x()).containsExactly(-1.2, 1);
        assertThat(r.evaluations()).isEqualTo(1 + Lbfgs.Params.defaults().maxLineSearchSteps());
    }

    @Test
    void refusesAStartWhereTheObjectiveIsNotFinite() {
        DifferentiableFunction log = (x, g) -> {
            g[0] = 1 / x[0];
            return Math.log(x[0]);
        };
        assertThatThrownBy(() -> new Lbfgs().minimize(log, new double[] {0}))
                .hasMessage("L-BFGS: the objective value is not finite at the starting point (f = -Infinity)");
        assertThatThrownBy(() -> new Lbfgs().minimize(ROSENBROCK, new double[0]))
                .hasMessage("L-BFGS needs at least one variable");
    }

    @Test
    void theResultIsACopy() {
        Lbfgs.Result r = new Lbfgs().minimize(ROSENBROCK, new double[] {-1.2, 1});
        double[] x = r.x();
        Arrays.fill(x, 7);
        assertThat(r.x()).doesNotContain(7.0);
    }

    @Test
    void paramsAreValidated() {
        assertThatThrownBy(() -> new Lbfgs.Params(0, 10, 1e-5, 0, 20)).hasMessage("memory must be >= 1, got 0");
        assertThatThrownBy(() -> new Lbfgs.Params(10, -1, 1e-5, 0, 20)).hasMessage("maxIterations must be >= 0, got -1");
        assertThatThrownBy(() -> new Lbfgs.Params(10, 10, -1, 0, 20))
                .hasMessage("gradientTolerance must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> new Lbfgs.Params(10, 10, 1e-5, Double.NaN, 20))
                .hasMessage("valueTolerance must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> new Lbfgs.Params(10, 10, 1e-5, 0, 0)).hasMessage("maxLineSearchSteps must be >= 1, got 0");
        assertThat(Lbfgs.Params.defaults()).isEqualTo(new Lbfgs.Params(10, 15000, 1e-5, 2.220446049250313e-09, 20));
    }

    private static double maxAbs(double[] v) {
        return Arrays.stream(v).map(Math::abs).max().orElse(0);
    }
}

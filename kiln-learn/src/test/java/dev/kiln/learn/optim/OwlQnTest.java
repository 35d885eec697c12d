package dev.kiln.learn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.Vector;
import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

class OwlQnTest {
    private static final Lbfgs.Params TIGHT = Lbfgs.Params.defaults().withGradientTolerance(1e-12).withValueTolerance(0);

    @Test
    void aSeparableProblemEndsAtTheSoftThreshold() {
        // ½‖x − c‖² + Σλᵢ|xᵢ| is minimised by xᵢ = sign(cᵢ)·max(|cᵢ| − λᵢ, 0), exactly zero where |cᵢ| ≤ λᵢ.
        double[] c = {3, -0.5, 0.2, -4, 1, 0};
        double[] l1 = {1, 1, 0.1, 0, 2, 1};
        DifferentiableFunction f = (x, g) -> {
            double v = 0;
            for (int i = 0; i < x.length; i++) {
                g[i] = x[i] - c[i];
                v += 0.5 * g[i] * g[i];
            }
            return v;
        };
        Lbfgs.Result r = new OwlQn(TIGHT).minimize(f, l1, new double[6]);
        double[] expected = {2, 0, 0.1, -4, 0, 0};
        for (int i = 0; i < 6; i++) {
            assertThat(r.x()[i]).as("x%d", i).isCloseTo(expected[i], within(1e-12));
        }
        assertThat(r.x()[1]).isZero();
        assertThat(r.x()[4]).isZero();
        assertThat(r.value()).isCloseTo(0.5 * (1 + 0.25 + 0.01 + 0 + 1) + 2 + 0.01, within(1e-12));
    }

    @Test
    void aCoupledProblemSatisfiesTheOptimalityConditions() {
        // f(x) = ½xᵀAx − bᵀx with A positive definite: at the minimum of f + λ‖x‖₁, ∇f = −λ·sign(x)
        // where x ≠ 0 and |∇f| ≤ λ where x = 0, i.e. the pseudo-gradient vanishes.
        Rng rng = Rng.seeded(81);
        int n = 25;
        Matrix m = Matrix.gaussian(n, n, rng);
        Matrix a = m.transposeTimes(m).plus(Matrix.identity(n));
        double[] b = Vector.from(n, i -> 5 * rng.nextGaussian()).toArray();
        DifferentiableFunction f = (x, g) -> {
            double[] ax = a.times(Vector.wrap(x)).toArray();
            double v = 0;
            for (int i = 0; i < n; i++) {
                g[i] = ax[i] - b[i];
                v += 0.5 * x[i] * ax[i] - b[i] * x[i];
            }
            return v;
        };
        double[] l1 = new double[n];
        java.util.Arrays.fill(l1, 3.0);
        Lbfgs.Result r = new OwlQn(Lbfgs.Params.defaults().withGradientTolerance(1e-7).withValueTolerance(0)).minimize(f, l1, new double[n]);
        double[] x = r.x();
        double[] g = new double[n];
        f.valueAndGradient(x, g);
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] != 0) {
                assertThat(g[i]).as("x%d = %s", i, x[i]).isCloseTo(-3 * Math.signum(x[i]), within(1e-6));
            } else {
                assertThat(Math.abs(g[i])).as("x%d = 0", i).isLessThanOrEqualTo(3 + 1e-6);
                zeros++;
            }
        }
        assertThat(zeros).isPositive();
        assertThat(r.x()).isNotEqualTo(new double[n]);
    }

    @Test
    void withoutL1WeightsItSolvesTheSmoothProblem() {
        double[] zero = new double[2];
        Lbfgs.Result r = new OwlQn(TIGHT).minimize(LbfgsTest.ROSENBROCK, zero, new double[] {-1.2, 1});
        assertThat(r.x()[0]).isCloseTo(1, within(1e-8));
        assertThat(r.x()[1]).isCloseTo(1, within(1e-8));
    }

    @Test
    void thePseudoGradientIsTheMinimumNormSubgradient() {
        double[] out = new double[5];
        OwlQn.pseudoGradient(new double[] {1, -1, 0, 0, 0}, new double[] {0.5, 0.5, -3, 3, 0.5}, new double[] {1, 1, 1, 1, 1}, out);
        assertThat(out).containsExactly(1.5, -0.5, -2, 2, 0);
    }

    @Test
    void badArgumentsAreRefused() {
        DifferentiableFunction f = (x, g) -> {
            g[0] = x[0];
            return 0.5 * x[0] * x[0];
        };
        assertThatThrownBy(() -> new OwlQn().minimize(f, new double[2], new double[1]))
                .hasMessage("OWL-QN: 2 L1 weights for 1 variables");
        assertThatThrownBy(() -> new OwlQn().minimize(f, new double[] {-1}, new double[1]))
                .hasMessage("OWL-QN: L1 weight 0 must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> new OwlQn().minimize(f, new double[0], new double[0])).hasMessage("OWL-QN needs at least one variable");
    }
}

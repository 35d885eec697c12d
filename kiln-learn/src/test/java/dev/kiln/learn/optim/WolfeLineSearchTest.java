package dev.kiln.learn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

class WolfeLineSearchTest {
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;

    @Test
    void theCubicMinimiserIsExactForACubic() {
        // φ(a) = a³ − 3a: φ(0) = 0, φ'(0) = −3, φ(2) = 2, φ'(2) = 9; its local minimum is at a = 1.
        assertThat(WolfeLineSearch.cubicMinimiser(0, 0, -3, 2, 2, 9)).isCloseTo(1, within(1e-15));
        assertThat(WolfeLineSearch.cubicMinimiser(2, 2, 9, 0, 0, -3)).isCloseTo(1, within(1e-15));
        // and for a quadratic φ(a) = (a − 0.3)²
        assertThat(WolfeLineSearch.cubicMinimiser(0, 0.09, -0.6, 1, 0.49, 1.4)).isCloseTo(0.3, within(1e-15));
    }

    @Test
    void interpolationStaysInsideTheBracket() {
        // A minimiser at the bracket's edge falls back to the midpoint.
        assertThat(WolfeLineSearch.interpolate(0, 0.0001, -0.02, 1, 0.9801, 1.98)).isEqualTo(0.5);
        double a = WolfeLineSearch.interpolate(0, 0.09, -0.6, 1, 0.49, 1.4);
        assertThat(a).isCloseTo(0.3, within(1e-15));
        double e = WolfeLineSearch.extrapolate(0, 1, -1, 1, 0.5, -0.9);
        assertThat(e).isBetween(2.1, 5.0);
    }

    @Test
    void acceptedStepsSatisfyTheStrongWolfeConditions() {
        // Random one-dimensional objectives along d = 1: φ(a) = s·(a − m)² + t·sin(k·a) with φ'(0) < 0.
        Rng rng = Rng.seeded(3);
        int checked = 0;
        for (int trial = 0; trial < 200; trial++) {
            double s = 0.1 + 5 * rng.nextDouble();
            double m = 0.5 + 20 * rng.nextDouble();
            double t = rng.nextDouble();
            double k = 3 * rng.nextDouble();
            DifferentiableFunction phi = (x, g) -> {
                g[0] = 2 * s * (x[0] - m) + t * k * Math.cos(k * x[0]);
                return s * (x[0] - m) * (x[0] - m) + t * Math.sin(k * x[0]);
            };
            double[] g0 = new double[1];
            double f0 = phi.valueAndGradient(new double[] {0}, g0);
            if (g0[0] >= 0) {
                continue;
            }
            double initial = Math.pow(10, 2 * rng.nextDouble() - 1);
            WolfeLineSearch search = new WolfeLineSearch(phi, 1, C1, C2, 20);
            double[] x = new double[1];
            double[] g = new double[1];
            WolfeLineSearch.Outcome o = search.search(new double[] {0}, f0, g0[0], new double[] {1}, initial, x, g);
            assertThat(o.status()).isEqualTo(WolfeLineSearch.Status.WOLFE);
            assertThat(x[0]).isEqualTo(o.step());
            assertThat(o.value()).isLessThanOrEqualTo(f0 + C1 * o.step() * g0[0]);
            assertThat(Math.abs(g[0])).isLessThanOrEqualTo(C2 * Math.abs(g0[0]));
            double[] check = new double[1];
            assertThat(phi.valueAndGradient(new double[] {o.step()}, check)).isEqualTo(o.value());
            assertThat(check[0]).isEqualTo(g[0]);
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void anUndefinedTrialShortensTheStep() {
        // φ(a) = (a − 1)² for a < 2 and NaN beyond: a first trial at 10 must come back inside.
        DifferentiableFunction phi = (x, g) -> {
            if (x[0] >= 2) {
                return Double.NaN;
            }
            g[0] = 2 * (x[0] - 1);
            return (x[0] - 1) * (x[0] - 1);
        };
        double[] x = new double[1];
        double[] g = new double[1];
        WolfeLineSearch.Outcome o = new WolfeLineSearch(phi, 1, C1, C2, 20)
                .search(new double[] {0}, 1, -2, new double[] {1}, 10, x, g);
        assertThat(o.status()).isEqualTo(WolfeLineSearch.Status.WOLFE);
        assertThat(o.step()).isLessThan(2);
        assertThat(Math.abs(g[0])).isLessThanOrEqualTo(C2 * 2);
    }

    @Test
    void anAscentDirectionFails() {
        DifferentiableFunction phi = (x, g) -> {
            g[0] = 2 * x[0];
            return x[0] * x[0];
        };
        double[] x = new double[1];
        double[] g = new double[1];
        // The caller claims a slope of −1 along d = 1 from 1, where φ actually rises.
        WolfeLineSearch.Outcome o = new WolfeLineSearch(phi, 1, C1, C2, 8)
                .search(new double[] {1}, 1, -1, new double[] {1}, 1, x, g);
        assertThat(o.status()).isEqualTo(WolfeLineSearch.Status.FAILED);
        assertThat(o.evaluations()).isEqualTo(8);
        assertThat(o.step()).isZero();
    }
}

package dev.kiln.learn.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

/** Each loss's gradient and hessian are its derivatives, and its baseline is the best constant. */
class BoostingLossTest {
    private static final int N = 40;
    private static final int[] ROWS = java.util.stream.IntStream.range(0, N).toArray();

    @Test
    void gradientsAndHessiansAreTheDerivativesOfTheLoss() {
        Rng rng = Rng.seeded(1);
        double[] y = new double[N];
        int[] binary = new int[N];
        int[] classes = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = rng.nextGaussian() * 3;
            binary[i] = rng.nextInt(2);
            classes[i] = rng.nextInt(4);
        }
        check(new BoostingLoss.SquaredError(y), rng);
        check(new BoostingLoss.Binomial(binary), rng);
        check(new BoostingLoss.Multinomial(classes, 4), rng);
    }

    @Test
    void theBaselineMinimisesTheLossAmongConstants() {
        int[] classes = {0, 0, 0, 1, 2, 2, 1, 0};
        int[] rows = java.util.stream.IntStream.range(0, 8).toArray();
        for (BoostingLoss loss : new BoostingLoss[] {new BoostingLoss.SquaredError(new double[] {1, 5, 2, 8, 3, 3, 0, 1}),
            new BoostingLoss.Binomial(new int[] {0, 1, 1, 1, 0, 1, 1, 0}), new BoostingLoss.Multinomial(classes, 3)}) {
            double[] b = loss.baseline(rows);
            double[][] raw = new double[b.length][8];
            for (int k = 0; k < b.length; k++) {
                java.util.Arrays.fill(raw[k], b[k]);
            }
            double[][] g = new double[b.length][8];
            double[][] h = new double[b.length][8];
            loss.gradients(raw, rows, 0, 8, g, h);
            for (int k = 0; k < b.length; k++) {
                assertThat(java.util.Arrays.stream(g[k]).sum()).isCloseTo(0, within(1e-12));
            }
        }
    }

    /** The central difference of the total loss in raw[c][i], first or second. */
    private static double derivative(BoostingLoss loss, double[][] raw, int c, int i, double step, boolean second) {
        double at = raw[c][i];
        raw[c][i] = at + step;
        double up = N * loss.meanLoss(raw, ROWS);
        raw[c][i] = at - step;
        double down = N * loss.meanLoss(raw, ROWS);
        raw[c][i] = at;
        double mid = N * loss.meanLoss(raw, ROWS);
        return second ? (up - 2 * mid + down) / (step * step) : (up - down) / (2 * step);
    }

    private static void check(BoostingLoss loss, Rng rng) {
        int k = loss.outputs();
        double[][] raw = new double[k][N];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < N; i++) {
                raw[c][i] = rng.nextGaussian();
            }
        }
        double[][] g = new double[k][N];
        double[][] h = new double[k][N];
        loss.gradients(raw, ROWS, 0, N, g, h);
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < N; i++) {
                assertThat(g[c][i]).isCloseTo(derivative(loss, raw, c, i, 1e-5, false), within(1e-6));
                assertThat(loss.constantHessian() ? 1.0 : h[c][i])
                        .isCloseTo(derivative(loss, raw, c, i, 1e-3, true), within(1e-5));
            }
        }
    }
}

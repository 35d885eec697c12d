package dev.kiln.learn.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

class LogisticLossTest {

    @Test
    void theGradientMatchesCentralDifferences() {
        Rng rng = Rng.seeded(61);
        int n = 40;
        int p = 5;
        double[] x = new double[n * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        for (int classes : new int[] {2, 4}) {
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                codes[i] = i < classes ? i : rng.nextInt(classes);
            }
            for (boolean intercept : new boolean[] {true, false}) {
                for (double l2 : new double[] {0, 0.7}) {
                    LogisticLoss loss = new LogisticLoss(x, n, p, codes, classes, intercept, l2);
                    double[] v = new double[loss.dimension()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = 0.5 * rng.nextGaussian();
                    }
                    double[] g = new double[v.length];
                    loss.valueAndGradient(v, g);
                    double h = 1e-6;
                    for (int i = 0; i < v.length; i++) {
                        double[] plus = v.clone();
                        double[] minus = v.clone();
                        plus[i] += h;
                        minus[i] -= h;
                        double numeric = (loss.valueAndGradient(plus, new double[v.length])
                                - loss.valueAndGradient(minus, new double[v.length])) / (2 * h);
                        assertThat(g[i]).as("%d classes, intercept %s, l2 %s, variable %d", classes, intercept, l2, i)
                                .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
                    }
                }
            }
        }
    }

    @Test
    void atZeroEveryClassIsEquallyLikely() {
        // With all coefficients zero each of n rows has probability 1/K: the loss is n·log K, and for
        // two classes the intercept's gradient is Σ(½ − yᵢ).
        int n = 6;
        double[] x = {1, 2, 3, 4, 5, 6};
        int[] binary = {0, 1, 1, 0, 1, 1};
        double[] g = new double[2];
        assertThat(new LogisticLoss(x, n, 1, binary, 2, true, 1).valueAndGradient(new double[2], g))
                .isCloseTo(n * Math.log(2), within(1e-14));
        assertThat(g[1]).isCloseTo(6 * 0.5 - 4, within(1e-15));
        int[] three = {0, 1, 2, 0, 1, 2};
        assertThat(new LogisticLoss(x, n, 1, three, 3, true, 1).valueAndGradient(new double[6], new double[6]))
                .isCloseTo(n * Math.log(3), within(1e-14));
    }

    @Test
    void extremeScoresStayFinite() {
        assertThat(LogisticLoss.softplus(800)).isEqualTo(800);
        assertThat(LogisticLoss.softplus(-800)).isZero();
        assertThat(LogisticLoss.sigmoid(-800)).isZero();
        assertThat(LogisticLoss.sigmoid(800)).isEqualTo(1);
        assertThat(LogisticLoss.logSumExp(new double[] {1000, 1000}, 0, 2)).isCloseTo(1000 + Math.log(2), within(1e-12));
    }
}

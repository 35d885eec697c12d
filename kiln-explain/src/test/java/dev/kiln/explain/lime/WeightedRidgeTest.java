package dev.kiln.explain.lime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WeightedRidgeTest {
    private static final double[][] X = {{1, 2}, {2, 0.5}, {3, -1}, {0, 1}, {-1, 3}, {2.5, 2.5}};
    private static final double[] Y = {1, 2.5, 2, 0, -1, 3};
    private static final double[] W = {1, 0.5, 2, 1, 0.25, 3};
    private static final int[] BOTH = {0, 1};

    /*
     * Reference figures from scikit-learn 1.2.1 (/usr/bin/python3):
     *   X = np.array([[1.,2.],[2.,0.5],[3.,-1.],[0.,1.],[-1.,3.],[2.5,2.5]])
     *   y = np.array([1.,2.5,2.,0.,-1.,3.]); w = np.array([1.,0.5,2.,1.,0.25,3.])
     *   r = Ridge(alpha=1.0).fit(X, y, sample_weight=w); r.coef_, r.intercept_, r.score(X, y, sample_weight=w)
     *   r0 = Ridge(alpha=0.0).fit(X, y, sample_weight=w); r0.coef_, r0.intercept_
     */
    @Test
    void matchesScikitLearnsWeightedRidge() {
        WeightedRidge ridge = WeightedRidge.fit(X, BOTH, Y, W, 1.0);
        assertThat(ridge.coefficients()).containsExactly(new double[] {0.92238168, 0.33501198}, within(1e-8));
        assertThat(ridge.intercept()).isCloseTo(-0.29018509427969263, within(1e-12));
        assertThat(ridge.score(X, BOTH, Y, W)).isCloseTo(0.9364011056316386, within(1e-12));

        WeightedRidge ols = WeightedRidge.fit(X, BOTH, Y, W, 0.0);
        assertThat(ols.coefficients()).containsExactly(new double[] {1.03528372, 0.38407024}, within(1e-8));
        assertThat(ols.intercept()).isCloseTo(-0.5724830880790663, within(1e-12));
    }

    @Test
    void fitsASubsetOfColumnsAndScoresAConstantTarget() {
        WeightedRidge onlySecond = WeightedRidge.fit(X, new int[] {1}, Y, W, 0.0);
        assertThat(onlySecond.coefficients()).hasSize(1);
        double[] constant = {2, 2, 2, 2, 2, 2};
        WeightedRidge flat = WeightedRidge.fit(X, BOTH, constant, W, 1.0);
        assertThat(flat.coefficients()).containsExactly(new double[] {0, 0}, within(1e-12));
        assertThat(flat.score(X, BOTH, constant, W)).isEqualTo(1.0);
    }

    /* np.sqrt(np.exp(-(1.0**2)/1.5**2)) = 0.8007374029168081; np.sqrt(np.exp(-(30.0**2)/25**2)) = 0.4867522559599717 */
    @Test
    void kernelIsLimesExponentialKernel() {
        assertThat(LimeSurrogate.kernel(1.0, 0.75 * Math.sqrt(4))).isCloseTo(0.8007374029168081, within(1e-15));
        assertThat(LimeSurrogate.kernel(30.0, 25)).isCloseTo(0.4867522559599717, within(1e-15));
        assertThat(LimeSurrogate.kernel(0, 25)).isEqualTo(1.0);
    }

    /* np.percentile([5,1,2,2,9,7,3], [25,50,75]) = [2, 3, 6] */
    @Test
    void quartileBinsAndTheirNames() {
        QuartileDiscretizer d = new QuartileDiscretizer("x", new double[] {5, 1, 2, 2, 9, 7, 3});
        assertThat(d.bins()).isEqualTo(4);
        assertThat(d.bin(2)).isZero();
        assertThat(d.bin(2.5)).isEqualTo(1);
        assertThat(d.bin(6)).isEqualTo(2);
        assertThat(d.bin(6.1)).isEqualTo(3);
        assertThat(d.counts()).containsExactly(3, 1, 1, 2);
        assertThat(d.describe(0)).isEqualTo("x <= 2.00");
        assertThat(d.describe(1)).isEqualTo("2.00 < x <= 3.00");
        assertThat(d.describe(3)).isEqualTo("x > 6.00");
        dev.kiln.core.random.Rng rng = dev.kiln.core.random.Rng.seeded(1);
        for (int i = 0; i < 200; i++) {
            assertThat(d.sample(3, rng)).isBetween(6.0, 9.0);
            assertThat(d.sample(0, rng)).isBetween(1.0, 2.0);
        }
    }
}

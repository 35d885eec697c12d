package dev.kiln.learn.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.random.Rng;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ElasticNetTest {
    private static final Frame DIABETES = CsvReader.read(Path.of("src/test/resources/datasets/diabetes/diabetes.csv"));

    @Test
    void theKktConditionsHoldAtTheSolution() {
        // At the minimum of (1/2n)‖y − Xw − b‖² + αρ‖w‖₁ + ½α(1−ρ)‖w‖², with r the residual and
        // gⱼ = xⱼᵀr/n − α(1−ρ)wⱼ: gⱼ = αρ·sign(wⱼ) where wⱼ ≠ 0, |gⱼ| ≤ αρ where wⱼ = 0, and Σr = 0.
        // Tall data (the solver switches to the Gram matrix) and wide data (it keeps the residual;
        // there a tiny α, which nearly interpolates, would take coordinate descent too many sweeps).
        Rng rng = Rng.seeded(12);
        int[][] shapes = {{200, 12}, {30, 60}, {500, 3}};
        double[][] alphas = {{0.01, 0.3, 2}, {0.3, 2}, {0.01, 0.3, 2}};
        double[] l1Ratios = {1.0, 0.5, 0.1};
        for (int s = 0; s < shapes.length; s++) {
            Frame x = LinearFixtures.gaussianFrame(rng, shapes[s][0], shapes[s][1], 1 + rng.nextDouble());
            double[] y = LinearFixtures.linearTarget(rng, x, 3, 2.0);
            for (double rho : l1Ratios) {
                for (double alpha : alphas[s]) {
                    ElasticNetModel m = new ElasticNet(new ElasticNet.Params(alpha, rho, true, 100000, 1e-14, false))
                            .fit(x, DoubleColumn.of("y", y));
                    assertKkt(x, y, m.coefficients(), m.intercept(), alpha, rho, false);
                }
            }
        }
    }

    @Test
    void positiveCoefficientsSatisfyTheConstrainedKktConditions() {
        Rng rng = Rng.seeded(13);
        Frame x = LinearFixtures.gaussianFrame(rng, 150, 8, 1.0);
        double[] y = LinearFixtures.linearTarget(rng, x, 0, 1.0);
        ElasticNetModel m = new ElasticNet(new ElasticNet.Params(0.05, 0.7, true, 100000, 1e-14, true))
                .fit(x, DoubleColumn.of("y", y));
        assertThat(java.util.Arrays.stream(m.coefficients()).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(m.coefficients()).contains(0.0);
        assertKkt(x, y, m.coefficients(), m.intercept(), 0.05, 0.7, true);
    }

    @Test
    void lassoMatchesScikitLearnOnDiabetesIncludingItsIterationsAndGap() {
        // Reference: scikit-learn 1.2.1, all 442 rows of diabetes.csv:
        //   d = pd.read_csv("diabetes.csv"); X = d.drop(columns=["target"]).values.astype(float); y = d["target"].values
        //   m = Lasso().fit(X, y); print(repr(m.coef_), repr(m.intercept_), m.n_iter_, m.dual_gap_)
        LassoModel m = new Lasso().fit(DIABETES, "target");
        double[] expected = {-1.9026711461856066e-02, -1.7477049676119247e+01, 5.8424305668185905e+00,
            1.0915425837803825e+00, 1.5613239591413672e-01, -3.1520351825358495e-01, -1.1877517129139785e+00,
            1.6243274585017733e-01, 3.4224715140724342e+01, 3.2973228130490767e-01};
        assertClose(m.coefficients(), expected, 1e-9);
        assertThat(m.intercept()).isCloseTo(-202.30265547056487, within(1e-9 * 202));
        assertThat(m.iterations()).isEqualTo(343);
        assertThat(m.dualGap()).isCloseTo(0.5846045678476192, within(1e-6));
    }

    @Test
    void elasticNetMatchesScikitLearnOnDiabetes() {
        // Reference: as for the lasso, with ElasticNet() (alpha=1, l1_ratio=0.5) and ElasticNet(alpha=0.1, l1_ratio=0.9):
        //   m = ElasticNet().fit(X, y); print(repr(m.coef_), repr(m.intercept_), m.n_iter_)
        ElasticNetModel m = new ElasticNet().fit(DIABETES, "target");
        assertClose(m.coefficients(), new double[] {-0.03883267405929193, -5.75094671321995, 6.0810291178574065,
            1.052777592305138, 1.1858320078289877, -1.3047783273687885, -2.0857283967804867, 0.2422254623001559,
            2.823463967680722, 0.349411291279354}, 1e-9);
        assertThat(m.intercept()).isCloseTo(-113.37138165941835, within(1e-9 * 113));
        assertThat(m.iterations()).isEqualTo(107);
        ElasticNetModel m2 = new ElasticNet(ElasticNet.Params.defaults().withAlpha(0.1).withL1Ratio(0.9)).fit(DIABETES, "target");
        assertClose(m2.coefficients(), new double[] {-2.3803893032909702e-02, -2.1306626113780215e+01,
            5.7531452887202965e+00, 1.1199980280085289e+00, -3.7855226906000122e-01, 9.9037487777203212e-02,
            -4.3047114884493193e-01, 4.9473205154940549e+00, 4.7408389513892267e+01, 3.0941247987743081e-01}, 1e-8);
        assertThat(m2.intercept()).isCloseTo(-259.9912645747345, within(1e-8 * 260));
        assertThat(m2.iterations()).isEqualTo(392);
    }

    @Test
    void withoutAnL1ShareItIsRidgeWithAlphaTimesN() {
        // (1/2n)‖r‖² + ½α‖w‖² has the minimiser of ‖r‖² + nα‖w‖². With ρ = 0 scikit-learn's gap
        // test never passes, so the solver runs its maxIter sweeps; they reach the ridge solution.
        Rng rng = Rng.seeded(14);
        Frame x = LinearFixtures.gaussianFrame(rng, 90, 7, 1.0);
        DoubleColumn y = DoubleColumn.of("y", LinearFixtures.linearTarget(rng, x, -1, 1.0));
        ElasticNetModel en = new ElasticNet(ElasticNet.Params.defaults().withAlpha(0.2).withL1Ratio(0)).fit(x, y);
        RidgeModel ridge = new Ridge(new Ridge.Params(0.2 * 90, true)).fit(x, y);
        assertThat(en.iterations()).isEqualTo(1000);
        assertClose(en.coefficients(), ridge.coefficients(), 1e-10);
        assertThat(en.intercept()).isCloseTo(ridge.intercept(), within(1e-10));
    }

    @Test
    void aPenaltyAboveAlphaMaxGivesTheMeanModel() {
        // α_max = ‖Xcᵀyc‖∞ / n: at and above it every coefficient is zero and b is the mean of y.
        Rng rng = Rng.seeded(15);
        Frame x = LinearFixtures.gaussianFrame(rng, 40, 4, 1.0);
        double[] y = LinearFixtures.linearTarget(rng, x, 7, 1.0);
        double alphaMax = new ElasticNetPath(ElasticNetPath.Params.lasso().withNAlphas(1)).fit(x, DoubleColumn.of("y", y)).alphas()[0];
        LassoModel at = new Lasso(Lasso.Params.defaults().withAlpha(alphaMax)).fit(x, DoubleColumn.of("y", y));
        assertThat(at.coefficients()).containsOnly(0.0);
        assertThat(at.intercept()).isCloseTo(java.util.Arrays.stream(y).average().orElseThrow(), within(1e-12));
        LassoModel below = new Lasso(Lasso.Params.defaults().withAlpha(0.99 * alphaMax)).fit(x, DoubleColumn.of("y", y));
        assertThat(java.util.Arrays.stream(below.coefficients()).filter(w -> w != 0).count()).isEqualTo(1);
    }

    @Test
    void hyperparametersAreScikitLearnsAndChecked() {
        assertThat(Lasso.Params.defaults()).isEqualTo(new Lasso.Params(1.0, true, 1000, 1e-4, false));
        assertThat(ElasticNet.Params.defaults()).isEqualTo(new ElasticNet.Params(1.0, 0.5, true, 1000, 1e-4, false));
        assertThatThrownBy(() -> new ElasticNet.Params(1, 1.5, true, 10, 1e-4, false)).hasMessage("l1Ratio must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new ElasticNet.Params(1, 0.5, true, 0, 1e-4, false)).hasMessage("maxIter must be >= 1, got 0");
        assertThatThrownBy(() -> new Lasso.Params(-0.1, true, 10, 1e-4, false)).hasMessage("alpha must be a finite number >= 0, got -0.1");
        assertThatThrownBy(() -> new Lasso.Params(1, true, 10, -1, false)).hasMessage("tol must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> new Lasso().fit(Frame.of(DoubleColumn.of("a", 1, 2)), DoubleColumn.of("y", 1, 2, 3)))
                .hasMessage("lasso: the target has 3 rows but the features have 2");
    }

    static void assertKkt(Frame x, double[] y, double[] w, double intercept, double alpha, double rho, boolean positive) {
        int n = x.rowCount();
        int p = x.columnCount();
        double[] r = new double[n];
        double residualSum = 0;
        for (int i = 0; i < n; i++) {
            r[i] = y[i] - intercept;
            for (int j = 0; j < p; j++) {
                r[i] -= w[j] * x.column(j).getDouble(i);
            }
            residualSum += r[i];
        }
        assertThat(residualSum / n).isCloseTo(0, within(1e-9));
        for (int j = 0; j < p; j++) {
            double g = -alpha * (1 - rho) * w[j];
            for (int i = 0; i < n; i++) {
                g += x.column(j).getDouble(i) * r[i] / n;
            }
            if (w[j] != 0) {
                assertThat(g).as("feature %d (w = %s)", j, w[j]).isCloseTo(alpha * rho * Math.signum(w[j]), within(1e-6));
            } else if (positive) {
                assertThat(g).as("feature %d at zero", j).isLessThanOrEqualTo(alpha * rho + 1e-6);
            } else {
                assertThat(Math.abs(g)).as("feature %d at zero", j).isLessThanOrEqualTo(alpha * rho + 1e-6);
            }
        }
    }

    static void assertClose(double[] actual, double[] expected, double relative) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int j = 0; j < expected.length; j++) {
            assertThat(actual[j]).as("coefficient %d", j).isCloseTo(expected[j], within(relative * Math.max(1, Math.abs(expected[j]))));
        }
    }
}

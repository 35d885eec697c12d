package dev.kiln.learn.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.parity.ParityData;
import org.junit.jupiter.api.Test;

class SgdRegressorTest {
    private static final SgdRegressor.Params UNSHUFFLED = new SgdRegressor.Params(SgdRegressor.Loss.SQUARED_ERROR, Penalty.L2,
            1e-4, 0.15, true, 1000, 1e-3, false, 0.1, LearningRate.INVSCALING, 0.01, 0.25, 5, 0);

    @Test
    void theFirstEpochFollowsTheUpdateRuleByHand() {
        // Rows (1, 2) → 1 and (3, −1) → 2, eta0 = 0.1, powerT = 0.5, α = 0.01, L2, no shuffling.
        // Row 1 (t = 1): η = 0.1, p = 0, update = 0.1·(1 − 0) → w = (0.1, 0.2), b = 0.1.
        // Row 2 (t = 2): η = 0.1/√2, p = 0.3 − 0.2 + 0.1 = 0.2, update u = η·(2 − 0.2) = 0.18/√2;
        // w decays by (1 − ηα) before the update: w = (0.1, 0.2)(1 − 0.001/√2) + u·(3, −1), b = 0.1 + u.
        Frame x = Frame.of(DoubleColumn.of("a", 1, 3), DoubleColumn.of("b", 2, -1));
        SgdRegressor.Params params = new SgdRegressor.Params(SgdRegressor.Loss.SQUARED_ERROR, Penalty.L2, 0.01, 0.15, true,
                1, 1e-3, false, 0.1, LearningRate.INVSCALING, 0.1, 0.5, 5, 0);
        SgdRegressorModel m = new SgdRegressor(params).fit(x, DoubleColumn.of("y", 1, 2));
        double u = 0.18 / Math.sqrt(2);
        double decay = 1 - 0.001 / Math.sqrt(2);
        assertThat(m.coefficients()[0]).isCloseTo(0.1 * decay + 3 * u, within(1e-15));
        assertThat(m.coefficients()[1]).isCloseTo(0.2 * decay - u, within(1e-15));
        assertThat(m.intercept()).isCloseTo(0.1 + u, within(1e-15));
        assertThat(m.iterations()).isEqualTo(1);
    }

    @Test
    void eachLossTakesItsOwnFirstStep() {
        // One row x = 2, y = 3, η = 0.1 constant, no penalty: from w = b = 0 the step is −η·dloss(0, 3)
        // on b and twice that on w. dloss: squared −3; huber (ε = 0.1) −0.1; ε-insensitive −1;
        // squared ε-insensitive −2·(3 − 0.1).
        Frame x = Frame.of(DoubleColumn.of("a", 2));
        double[][] expected = {
            {SgdRegressor.Loss.SQUARED_ERROR.ordinal(), 0.3},
            {SgdRegressor.Loss.HUBER.ordinal(), 0.01},
            {SgdRegressor.Loss.EPSILON_INSENSITIVE.ordinal(), 0.1},
            {SgdRegressor.Loss.SQUARED_EPSILON_INSENSITIVE.ordinal(), 0.58}};
        for (double[] e : expected) {
            SgdRegressor.Loss loss = SgdRegressor.Loss.values()[(int) e[0]];
            SgdRegressor.Params params = new SgdRegressor.Params(loss, Penalty.NONE, 1e-4, 0.15, true, 1, 1e-3, false, 0.1,
                    LearningRate.CONSTANT, 0.1, 0.25, 5, 0);
            SgdRegressorModel m = new SgdRegressor(params).fit(x, DoubleColumn.of("y", 3));
            assertThat(m.intercept()).as(loss.name()).isCloseTo(e[1], within(1e-15));
            assertThat(m.coefficients()[0]).as(loss.name()).isCloseTo(2 * e[1], within(1e-15));
        }
    }

    @Test
    void theOptimalScheduleStartsAtATypicalWeightSize() {
        // Bottou's schedule η = 1/(α(t₀ + t − 1)) with t₀ = 1/(η₀α), η₀ = α^(−1/4) for the squared loss:
        // the first step, on x = 2, y = 3 from zero, is η₀·3 on b and twice that on w.
        SgdRegressor.Params params = new SgdRegressor.Params(SgdRegressor.Loss.SQUARED_ERROR, Penalty.NONE, 0.01, 0.15, true,
                1, 1e-3, false, 0.1, LearningRate.OPTIMAL, 0.01, 0.25, 5, 0);
        SgdRegressorModel m = new SgdRegressor(params).fit(Frame.of(DoubleColumn.of("a", 2)), DoubleColumn.of("y", 3));
        double eta = Math.pow(0.01, -0.25);
        assertThat(m.intercept()).isCloseTo(3 * eta, within(1e-14));
        assertThat(m.coefficients()[0]).isCloseTo(6 * eta, within(1e-14));
    }

    @Test
    void withoutShufflingItRepeatsScikitLearnsArithmetic() {
        // Reference: scikit-learn 1.2.1 on the standardised diabetes training rows (Standardized's prep snippet):
        //   Xtr, ytr, Xte, yte = prep("diabetes", "target")
        //   for kw in [dict(), dict(penalty='l1', alpha=0.5, learning_rate='constant', eta0=0.001, max_iter=50),
        //              dict(loss='huber', epsilon=5.0), dict(learning_rate='adaptive'),
        //              dict(loss='epsilon_insensitive', epsilon=1.0, penalty='elasticnet', alpha=0.01)]:
        //       m = SGDRegressor(shuffle=False, **kw).fit(Xtr, ytr); print(repr(m.coef_), repr(m.intercept_), m.n_iter_)
        Standardized d = Standardized.of(ParityData.DIABETES);
        assertFit(d, UNSHUFFLED, new double[] {1.316774589182321, -9.841042983459014, 21.80597752739618, 16.046103427150456,
            -31.207903429108434, 13.343712068606758, 5.426433862120003, 16.387567467233673, 29.974878881914233,
            3.0444097940774215}, 148.87356275563923, 1000);
        assertFit(d, new SgdRegressor.Params(SgdRegressor.Loss.SQUARED_ERROR, Penalty.L1, 0.5, 0.15, true, 50, 1e-3, false,
                0.1, LearningRate.CONSTANT, 0.001, 0.25, 5, 0), new double[] {0.9761493454943059, -8.444539673078598,
            22.13125320345973, 15.89922618436971, -5.549315687450377, -3.9511710894567647, -7.456259494904407,
            9.146458075059744, 21.328216913291733, 2.7803587456448606}, 148.77438545798736, 50);
        assertFit(d, UNSHUFFLED.withLoss(SgdRegressor.Loss.HUBER).withEpsilon(5.0), new double[] {0.5715225328445437,
            -13.197816878628277, 18.784175132741595, 21.12473701794174, -5.2213682629087526, -7.860838449149031,
            -9.121934857233772, 7.494081454084684, 21.005319640411287, 3.570285147464305}, 145.32807230839583, 512);
        assertFit(d, UNSHUFFLED.withLearningRate(LearningRate.ADAPTIVE, 0.01), new double[] {1.1878068794049488,
            -9.931411740176982, 21.646980766075835, 15.947866535470654, -39.21265354531683, 19.269545907505606,
            9.423349790668958, 17.95354856939966, 32.667019249262445, 2.9992699459327645}, 148.8946068582913, 288);
        assertFit(d, UNSHUFFLED.withLoss(SgdRegressor.Loss.EPSILON_INSENSITIVE).withEpsilon(1.0)
                .withPenalty(Penalty.ELASTICNET).withAlpha(0.01), new double[] {3.5691763004441923, -2.4403006121549913,
                    11.745417819886118, 8.518825514616081, 0.6805440826482682, -1.3515721505912097, -6.178476292327171,
                    5.68539732811702, 11.961292064640876, 3.7351521497882594}, 117.45483578467102, 1000);
    }

    @Test
    void theSeedDecidesTheShufflingAndNothingElse() {
        Standardized d = Standardized.of(ParityData.DIABETES);
        SgdRegressorModel a = new SgdRegressor(SgdRegressor.Params.defaults().withSeed(3)).fit(d.train(), d.trainTarget());
        SgdRegressorModel b = new SgdRegressor(SgdRegressor.Params.defaults().withSeed(3)).fit(d.train(), d.trainTarget());
        SgdRegressorModel c = new SgdRegressor(SgdRegressor.Params.defaults().withSeed(4)).fit(d.train(), d.trainTarget());
        assertThat(a.coefficients()).containsExactly(b.coefficients());
        assertThat(a.intercept()).isEqualTo(b.intercept());
        assertThat(a.coefficients()).isNotEqualTo(c.coefficients());
    }

    @Test
    void theL1PenaltyZeroesIrrelevantFeatures() {
        // y depends on x0 and x1 only; the cumulative L1 penalty leaves the four noise features at exactly 0.
        Rng rng = Rng.seeded(31);
        Frame x = LinearFixtures.gaussianFrame(rng, 400, 6, 1.0);
        double[] y = new double[400];
        for (int i = 0; i < 400; i++) {
            y[i] = 2 * x.column(0).getDouble(i) - 3 * x.column(1).getDouble(i) + 0.1 * rng.nextGaussian();
        }
        SgdRegressorModel m = new SgdRegressor(SgdRegressor.Params.defaults().withPenalty(Penalty.L1).withAlpha(0.05))
                .fit(x, DoubleColumn.of("y", y));
        assertThat(m.coefficients()[0]).isCloseTo(2, within(0.2));
        assertThat(m.coefficients()[1]).isCloseTo(-3, within(0.2));
        for (int j = 2; j < 6; j++) {
            assertThat(m.coefficients()[j]).as("noise feature %d", j).isZero();
        }
    }

    @Test
    void divergenceIsReportedWithAWayOut() {
        // The step is clipped at 1e12·η·x, so only features near the largest double overflow the weights.
        Frame x = Frame.of(DoubleColumn.of("a", 1e300, 2e300));
        Column y = DoubleColumn.of("y", 1, 2);
        SgdRegressor sgd = new SgdRegressor(SgdRegressor.Params.defaults().withLearningRate(LearningRate.CONSTANT, 10));
        assertThatThrownBy(() -> sgd.fit(x, y))
                .hasMessageStartingWith("sgd-regressor: the weights overflowed in epoch ")
                .hasMessageEndingWith("; standardise the features or lower eta0");
    }

    @Test
    void hyperparametersAreScikitLearnsAndChecked() {
        SgdRegressor.Params d = SgdRegressor.Params.defaults();
        assertThat(d).isEqualTo(new SgdRegressor.Params(SgdRegressor.Loss.SQUARED_ERROR, Penalty.L2, 1e-4, 0.15, true, 1000,
                1e-3, true, 0.1, LearningRate.INVSCALING, 0.01, 0.25, 5, 0));
        assertThatThrownBy(() -> d.withAlpha(-1)).hasMessage("alpha must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> d.withLearningRate(LearningRate.CONSTANT, 0)).hasMessage("eta0 must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> d.withAlpha(0).withLearningRate(LearningRate.OPTIMAL, 0.01))
                .hasMessage("alpha must be > 0 with the OPTIMAL learning rate, which divides by it");
        assertThatThrownBy(() -> d.withMaxIter(0, 1e-3)).hasMessage("maxIter must be >= 1, got 0");
        assertThatThrownBy(() -> d.withMaxIter(10, -1)).hasMessage("tol must be >= 0, or -Infinity to disable the stopping rule, got -1.0");
        assertThatThrownBy(() -> d.withLoss(null)).hasMessage("loss must be given");
        assertThat(d.withMaxIter(10, Double.NEGATIVE_INFINITY).tol()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    private static void assertFit(Standardized d, SgdRegressor.Params params, double[] coefficients, double intercept, int epochs) {
        SgdRegressorModel m = new SgdRegressor(params).fit(d.train(), d.trainTarget());
        ElasticNetTest.assertClose(m.coefficients(), coefficients, 1e-9);
        assertThat(m.intercept()).isCloseTo(intercept, within(1e-9 * Math.abs(intercept)));
        assertThat(m.iterations()).isEqualTo(epochs);
    }
}

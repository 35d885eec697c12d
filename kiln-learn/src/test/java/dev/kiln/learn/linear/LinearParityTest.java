package dev.kiln.learn.linear;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.model.ClassificationModel;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.model.RegressionModel;
import dev.kiln.learn.parity.ParityData;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Test-set scores on the 70/30 parity splits, held to scikit-learn 1.2.1's figure for the same
 * default model on the same standardised rows minus 0.02. Every figure below comes from
 * {@code prep} in {@link Standardized}'s comment followed by the snippet in the test's comment,
 * with {@code CLF = ["iris", "wine", "breast_cancer", "digits", "spambase"]} (target "type" for
 * spambase, "target" otherwise) and {@code REG = ["diabetes", "ames_housing"]} (target "target",
 * "Sale_Price"). german_credit is left out: its categorical columns need an encoder first.
 */
class LinearParityTest {
    private static final ParityData[] CLASSIFICATION = {ParityData.IRIS, ParityData.WINE, ParityData.BREAST_CANCER,
        ParityData.DIGITS, ParityData.SPAMBASE};
    private static final ParityData[] REGRESSION = {ParityData.DIABETES, ParityData.AMES_HOUSING};
    private static final Map<ParityData, Standardized> DATA = new EnumMap<>(ParityData.class);

    @Test
    void logisticRegression() {
        // for name in CLF: Xtr, ytr, Xte, yte = prep(name, target); print(LogisticRegression().fit(Xtr, ytr).score(Xte, yte))
        // → 0.977778, 0.981132, 0.982456, 0.968460, 0.925362
        assertAccuracies(new LogisticRegression(), 0.977778, 0.981132, 0.982456, 0.968460, 0.925362);
    }

    @Test
    void linearSvm() {
        // for name in CLF: ... print(LinearSVC(random_state=0).fit(Xtr, ytr).score(Xte, yte))
        // → 0.955556, 0.981132, 0.976608, 0.948052, 0.926087 (the same for random_state 0 to 4)
        assertAccuracies(new LinearSvm(), 0.955556, 0.981132, 0.976608, 0.948052, 0.926087);
    }

    @Test
    void perceptron() {
        // The perceptron's test accuracy hangs on the visiting order: scikit-learn's own ranges from 0.64 to
        // 1.0 over seeds on iris (0.977778 with its default random_state=0, 0.896667 on average over 300 seeds).
        // Kiln draws other orders from the same seeds, so the comparable figure is the mean over many seeds:
        // for name, seeds in [("iris", 200), ("wine", 200), ("breast_cancer", 200), ("digits", 20), ("spambase", 20)]:
        //     print(np.mean([Perceptron(random_state=s).fit(Xtr, ytr).score(Xte, yte) for s in range(seeds)]))
        // → 0.899778, 0.981792, 0.966345, 0.924490, 0.888333
        double[] expected = {0.899778, 0.981792, 0.966345, 0.924490, 0.888333};
        int[] seeds = {200, 200, 200, 20, 20};
        for (int d = 0; d < CLASSIFICATION.length; d++) {
            Standardized data = data(CLASSIFICATION[d]);
            LongFunction<Perceptron> perceptron = seed -> new Perceptron(Perceptron.Params.defaults().withSeed(seed));
            double sum = 0;
            for (int seed = 0; seed < seeds[d]; seed++) {
                sum += data.accuracy(perceptron.apply(seed).fit(data.train(), data.trainTarget()).predict(data.test()));
            }
            assertThat(sum / seeds[d]).as("%s", CLASSIFICATION[d]).isGreaterThanOrEqualTo(expected[d] - 0.02);
        }
    }

    @Test
    void ridge() {
        // for name in REG: ... print(Ridge().fit(Xtr, ytr).score(Xte, yte)) → 0.572000, 0.831159
        assertR2(new Ridge(), 0.572000, 0.831159);
    }

    @Test
    void lasso() {
        // for name in REG: ... print(Lasso().fit(Xtr, ytr).score(Xte, yte)) → 0.570853, 0.831142
        assertR2(new Lasso(), 0.570853, 0.831142);
    }

    @Test
    void elasticNet() {
        // for name in REG: ... print(ElasticNet().fit(Xtr, ytr).score(Xte, yte)) → 0.510517, 0.804801
        assertR2(new ElasticNet(), 0.510517, 0.804801);
    }

    @Test
    void sgdRegressor() {
        // for name in REG: ... print(SGDRegressor(random_state=0).fit(Xtr, ytr).score(Xte, yte)) → 0.572574, 0.826519
        assertR2(new SgdRegressor(), 0.572574, 0.826519);
    }

    private static void assertAccuracies(Estimator<? extends ClassificationModel> estimator, double... scikitLearn) {
        for (int d = 0; d < CLASSIFICATION.length; d++) {
            Standardized data = data(CLASSIFICATION[d]);
            ClassificationModel m = estimator.fit(data.train(), data.trainTarget());
            assertThat(data.accuracy(m.predict(data.test()))).as("%s", CLASSIFICATION[d])
                    .isGreaterThanOrEqualTo(scikitLearn[d] - 0.02);
        }
    }

    private static void assertR2(Estimator<? extends RegressionModel> estimator, double... scikitLearn) {
        for (int d = 0; d < REGRESSION.length; d++) {
            Standardized data = data(REGRESSION[d]);
            RegressionModel m = estimator.fit(data.train(), data.trainTarget());
            assertThat(data.r2(m.predict(data.test()).values())).as("%s", REGRESSION[d])
                    .isGreaterThanOrEqualTo(scikitLearn[d] - 0.02);
        }
    }

    private static synchronized Standardized data(ParityData d) {
        return DATA.computeIfAbsent(d, Standardized::of);
    }
}

package dev.kiln.learn.neighbors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.learn.parity.ParityData;
import dev.kiln.learn.parity.StandardizedSplit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Default k-NN models on the parity splits, standardised as {@link StandardizedSplit} says, held
 * to scikit-learn's test score minus 0.02. The scikit-learn figures, with Xtr, ytr, Xte, yte
 * prepared that way from split-70-30-seed42.csv (scikit-learn 1.2.1):
 * <pre>
 * KNeighborsClassifier().fit(Xtr, ytr).score(Xte, yte)   # accuracy
 * KNeighborsRegressor().fit(Xtr, ytr).score(Xte, yte)    # R²
 * </pre>
 */
class KNeighborsParityTest {

    @ParameterizedTest
    @CsvSource({
        "IRIS, 0.9333333333333333",
        "WINE, 1.0",
        "BREAST_CANCER, 0.9707602339181286",
        "DIGITS, 0.9684601113172542",
        "SPAMBASE, 0.9057971014492754"})
    void classifierAccuracy(ParityData data, double scikitLearn) {
        StandardizedSplit s = StandardizedSplit.of(data);
        KNeighborsClassifierModel m = new KNeighborsClassifier().fit(s.trainFeatures(), s.trainTarget());
        assertThat(s.accuracy(m.predict(s.testFeatures()))).isGreaterThanOrEqualTo(scikitLearn - 0.02);
    }

    @ParameterizedTest
    @CsvSource({
        "DIABETES, 0.2922703850803332",
        "AMES_HOUSING, 0.8176585054411605"})
    void regressorR2(ParityData data, double scikitLearn) {
        StandardizedSplit s = StandardizedSplit.of(data);
        KNeighborsRegressorModel m = new KNeighborsRegressor().fit(s.trainFeatures(), s.trainTarget());
        assertThat(s.r2(m.predict(s.testFeatures()))).isGreaterThanOrEqualTo(scikitLearn - 0.02);
    }
}

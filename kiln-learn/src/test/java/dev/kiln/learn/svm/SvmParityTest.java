package dev.kiln.learn.svm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.learn.parity.ParityData;
import dev.kiln.learn.parity.StandardizedSplit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default SVC on the parity splits, standardised as {@link StandardizedSplit} says, held to
 * scikit-learn's test accuracy minus 0.02. The scikit-learn figures, with Xtr, ytr, Xte, yte
 * prepared that way from split-70-30-seed42.csv (scikit-learn 1.2.1):
 * {@code SVC().fit(Xtr, ytr).score(Xte, yte)}.
 */
class SvcParityTest {

    @ParameterizedTest
    @CsvSource({
        "IRIS, 0.9777777777777777",
        "WINE, 0.9811320754716981",
        "BREAST_CANCER, 0.9766081871345029",
        "DIGITS, 0.9833024118738405",
        "SPAMBASE, 0.9195652173913044"})
    void accuracy(ParityData data, double scikitLearn) {
        StandardizedSplit s = StandardizedSplit.of(data);
        SvcModel m = new Svc().fit(s.trainFeatures(), s.trainTarget());
        assertThat(s.accuracy(m.predict(s.testFeatures()))).isGreaterThanOrEqualTo(scikitLearn - 0.02);
    }
}

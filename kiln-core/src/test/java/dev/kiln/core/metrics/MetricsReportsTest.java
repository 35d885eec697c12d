package dev.kiln.core.metrics;

import static dev.kiln.core.metrics.Fixtures.B_PRED;
import static dev.kiln.core.metrics.Fixtures.B_SCORE;
import static dev.kiln.core.metrics.Fixtures.B_TRUE;
import static dev.kiln.core.metrics.Fixtures.M_PRED;
import static dev.kiln.core.metrics.Fixtures.M_PROBA;
import static dev.kiln.core.metrics.Fixtures.M_TRUE;
import static dev.kiln.core.metrics.Fixtures.R_PRED;
import static dev.kiln.core.metrics.Fixtures.R_TRUE;
import static dev.kiln.core.metrics.Fixtures.TOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.metrics.ClassificationReport.ClassScores;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsReportsTest {
    private static final List<String> ANIMALS = List.of("cat", "dog", "mouse");

    @Test
    void classificationReportListsEachClass() {
        ClassificationReport report = ClassificationReport.of(M_TRUE, M_PRED, M_PROBA, ANIMALS);
        // matrix [[3, 1, 1], [0, 2, 1], [0, 1, 3]]
        assertThat(report.classes()).hasSize(3);
        ClassScores dog = report.classes().get(1);
        assertThat(dog.name()).isEqualTo("dog");
        assertThat(dog.precision()).isCloseTo(0.5, TOL);
        assertThat(dog.recall()).isCloseTo(2 / 3.0, TOL);
        assertThat(dog.f1()).isCloseTo(4 / 7.0, TOL);
        assertThat(report.classes()).extracting(ClassScores::support).containsExactly(5, 3, 4);
    }

    @Test
    void classificationMapUsesScikitLearnNames() {
        Map<String, Double> map = ClassificationReport.of(M_TRUE, M_PRED, M_PROBA, ANIMALS).toMap();
        assertThat(map.keySet()).containsExactly("accuracy", "balanced_accuracy", "precision_macro", "recall_macro",
                "f1_macro", "precision_weighted", "recall_weighted", "f1_weighted", "roc_auc", "log_loss");
        assertThat(map.get("accuracy")).isCloseTo(8 / 12.0, TOL);
        // sklearn: m.balanced_accuracy_score(M_TRUE, M_PRED)
        assertThat(map.get("balanced_accuracy")).isCloseTo(0.6722222222222222, TOL);
        // sklearn: m.f1_score(M_TRUE, M_PRED, average='macro')
        assertThat(map.get("f1_macro")).isCloseTo(0.6626984126984127, TOL);
        // sklearn: m.precision_score(M_TRUE, M_PRED, average='weighted')
        assertThat(map.get("precision_weighted")).isCloseTo(0.7416666666666667, TOL);
        // sklearn: m.f1_score(M_TRUE, M_PRED, average='weighted')
        assertThat(map.get("f1_weighted")).isCloseTo(0.677579365079365, TOL);
        // sklearn: m.roc_auc_score(M_TRUE, M_PROBA, multi_class='ovr', average='macro')
        assertThat(map.get("roc_auc")).isCloseTo(0.9421296296296297, TOL);
        // sklearn: m.log_loss(M_TRUE, M_PROBA)
        assertThat(map.get("log_loss")).isCloseTo(0.6705834649866906, TOL);
        assertThatThrownBy(() -> map.put("accuracy", 0.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void binaryReportScoresTheSecondColumn() {
        double[][] proba = Arrays.stream(B_SCORE).mapToObj(s -> new double[] {1 - s, s}).toArray(double[][]::new);
        ClassificationReport report = ClassificationReport.of(B_TRUE, B_PRED, proba, List.of("no", "yes"));
        // sklearn: m.roc_auc_score(B_TRUE, B_SCORE)
        assertThat(report.rocAuc()).hasValueCloseTo(0.88, TOL);
    }

    @Test
    void withoutProbabilitiesThereIsNoRocAucOrLogLoss() {
        ClassificationReport report = ClassificationReport.of(M_TRUE, M_PRED, ANIMALS);
        assertThat(report.rocAuc()).isEmpty();
        assertThat(report.logLoss()).isEmpty();
        assertThat(report.toMap()).doesNotContainKeys("roc_auc", "log_loss").containsKey("f1_macro");
    }

    @Test
    void aClassThatNeverOccursIsListedButNotAveraged() {
        ClassificationReport report = ClassificationReport.of(M_TRUE, M_PRED, List.of("cat", "dog", "mouse", "owl"));
        assertThat(report.classes().get(3)).isEqualTo(new ClassScores("owl", 0, 0, 0, 0));
        assertThat(report.f1Macro()).isEqualTo(ClassificationMetrics.f1(M_TRUE, M_PRED, Average.MACRO));
    }

    @Test
    void classificationReportRejectsMismatchedNames() {
        assertThatThrownBy(() -> ClassificationReport.of(M_TRUE, M_PRED, List.of("cat", "dog")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("yTrue[2] = 2 is outside the classes [0, 2)");
        assertThatThrownBy(() -> ClassificationReport.of(M_TRUE, M_PRED, M_PROBA, List.of("a", "b", "c", "d")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("proba has 3 columns for 4 class names");
    }

    @Test
    void regressionReportUsesScikitLearnNames() {
        Map<String, Double> map = RegressionReport.of(R_TRUE, R_PRED).toMap();
        // by hand, as in RegressionMetricsTest: SS_res 3.75, SS_tot 31.3, MAE 3.5 / 5
        assertThat(map.keySet()).containsExactly("r2", "rmse", "mae", "mse");
        assertThat(map.get("r2")).isCloseTo(1 - 3.75 / 31.3, TOL);
        assertThat(map.get("rmse")).isCloseTo(Math.sqrt(0.75), TOL);
        assertThat(map.get("mae")).isCloseTo(0.7, TOL);
        assertThat(map.get("mse")).isCloseTo(0.75, TOL);
    }
}

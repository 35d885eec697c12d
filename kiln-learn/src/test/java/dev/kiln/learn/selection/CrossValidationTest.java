package dev.kiln.learn.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.metrics.RegressionMetrics;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.core.model.Pipeline;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.linear.LinearRegression;
import dev.kiln.learn.linear.LinearRegressionModel;
import dev.kiln.learn.parity.ParityData;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    @Test
    void eachFoldScoresAModelFittedOnItsTrainingRowsOnly() {
        Frame x = ParityData.DIABETES.features();
        Column y = ParityData.DIABETES.targetColumn();
        CrossValidator cv = new KFold(5, true, 1);
        CrossValidationResult result = CrossValidation.run(new LinearRegression(), x, y, cv);
        List<Fold> folds = cv.folds(x.rowCount(), y);
        assertThat(result.folds()).hasSize(5);
        double sum = 0;
        for (int f = 0; f < 5; f++) {
            Fold fold = folds.get(f);
            LinearRegressionModel m = new LinearRegression().fit(x.take(fold.train()), y.take(fold.train()));
            double r2 = RegressionMetrics.r2(y.take(fold.test()).toDoubles(), m.predict(x.take(fold.test())).values());
            assertThat(result.folds().get(f).metrics().get("r2")).isCloseTo(r2, within(1e-12));
            assertThat(result.folds().get(f).testRows()).isEqualTo(fold.test().length);
            sum += r2;
        }
        assertThat(result.mean("r2")).isCloseTo(sum / 5, within(1e-12));
        assertThat(result.metrics()).contains("r2", "rmse", "mae", "mse");
        assertThat(result.std("r2")).isPositive();
    }

    @Test
    void preprocessingInsideAPipelineNeverSeesHeldOutRows() {
        List<Integer> rowsSeen = new CopyOnWriteArrayList<>();
        Transformer recording = (features, target) -> {
            rowsSeen.add(features.rowCount());
            Schema schema = features.schema();
            return new FittedTransformer() {
                @Override
                public Frame transform(Frame f) {
                    return f;
                }

                @Override
                public Schema inputSchema() {
                    return schema;
                }
            };
        };
        Frame x = Frame.of(DoubleColumn.of("a", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        Column y = DoubleColumn.of("y", 2, 4, 6, 8, 10, 12, 14, 16, 18, 21);
        CrossValidationResult r = CrossValidation.run(Pipeline.<RegressionPrediction>of(recording, new LinearRegression()),
                x, y, KFold.of(5));
        assertThat(rowsSeen).hasSize(5).allMatch(n -> n == 8);
        assertThat(r.folds()).allMatch(f -> f.trainRows() == 8 && f.testRows() == 2);
    }

    @Test
    void classificationFoldsReportClassificationMetrics() {
        Frame x = ParityData.IRIS.features();
        Column y = ParityData.IRIS.targetColumn();
        // A regression model cannot score classes; a classifier is needed: until one exists here, score the
        // predictions of a model that always answers the majority class of its training rows.
        dev.kiln.core.model.Estimator<dev.kiln.core.model.ClassificationModel> majority = MajorityClass::fit;
        CrossValidationResult r = CrossValidation.run(majority, x, y, StratifiedKFold.of(5));
        // Each stratified test fold holds 10 of each of the 3 species; the majority of the training rows is a tie
        // broken towards the first class, so every fold scores exactly 1/3.
        for (FoldResult f : r.folds()) {
            assertThat(f.metrics().get("accuracy")).isCloseTo(1.0 / 3, within(1e-12));
            assertThat(f.metrics().get("balanced_accuracy")).isCloseTo(1.0 / 3, within(1e-12));
        }
    }
}

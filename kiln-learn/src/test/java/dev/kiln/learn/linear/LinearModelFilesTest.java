package dev.kiln.learn.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.model.FeatureImportances;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.modelfile.ModelFileException;
import dev.kiln.core.modelfile.ModelTypes;
import dev.kiln.core.random.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearModelFilesTest {
    private static final Rng RNG = Rng.seeded(71);
    private static final Frame X = LinearFixtures.gaussianFrame(RNG, 90, 4, 1.0);
    private static final Column Y = dev.kiln.core.frame.DoubleColumn.of("y", LinearFixtures.linearTarget(RNG, X, 2, 0.5));
    private static final Column TWO = LinearFixtures.linearClasses(RNG, X, 2, 0.5);
    private static final Column THREE = LinearFixtures.linearClasses(RNG, X, 3, 0.5);

    @Test
    void everyModelTypeIsRegisteredUnderItsCommandLineName() {
        assertThat(ModelTypes.ids()).contains("linear-regression", "ridge", "lasso", "elastic-net", "sgd-regressor",
                "logistic-regression", "perceptron", "linear-svm");
    }

    @Test
    void regressorsRoundTripAndPredictIdentically(@TempDir Path dir) {
        List<Estimator<? extends LinearRegressorModel>> estimators = List.of(new Ridge(new Ridge.Params(0.3, false)),
                new Lasso(Lasso.Params.defaults().withAlpha(0.05)), new ElasticNet(ElasticNet.Params.defaults().withAlpha(0.1)),
                new SgdRegressor(SgdRegressor.Params.defaults().withPenalty(Penalty.ELASTICNET)));
        for (Estimator<? extends LinearRegressorModel> e : estimators) {
            LinearRegressorModel m = e.fit(X, Y);
            LinearRegressorModel back = roundTrip(m, dir);
            assertThat(back).isExactlyInstanceOf(m.getClass());
            assertThat(back.predict(X).values()).containsExactly(m.predict(X).values());
            assertThat(back.coefficients()).containsExactly(m.coefficients());
            assertThat(back.intercept()).isEqualTo(m.intercept());
            assertThat(back.inputSchema()).isEqualTo(m.inputSchema());
            assertThat(paramsOf(back)).isEqualTo(paramsOf(m));
            if (m instanceof CoordinateDescentModel cd) {
                assertThat(((CoordinateDescentModel) back).iterations()).isEqualTo(cd.iterations());
                assertThat(((CoordinateDescentModel) back).dualGap()).isEqualTo(cd.dualGap());
            }
            if (m instanceof SgdRegressorModel sgd) {
                assertThat(((SgdRegressorModel) back).iterations()).isEqualTo(sgd.iterations());
            }
        }
    }

    @Test
    void classifiersRoundTripAndPredictIdentically(@TempDir Path dir) {
        List<Estimator<? extends LinearClassifierModel>> estimators = List.of(new LogisticRegression(),
                new LogisticRegression(LogisticRegression.Params.defaults().withElasticNet(0.5)), new Perceptron(), new LinearSvm());
        for (Estimator<? extends LinearClassifierModel> e : estimators) {
            for (Column y : List.of(TWO, THREE)) {
                LinearClassifierModel m = e.fit(X, y);
                LinearClassifierModel back = roundTrip(m, dir);
                assertThat(back).isExactlyInstanceOf(m.getClass());
                ClassificationPrediction expected = m.predict(X);
                ClassificationPrediction actual = back.predict(X);
                assertThat(actual.labels()).containsExactly(expected.labels());
                assertThat(actual.probabilities()).isDeepEqualTo(expected.probabilities());
                assertThat(back.classes()).isEqualTo(m.classes());
                assertThat(back.coefficients()).isDeepEqualTo(m.coefficients());
                assertThat(back.intercepts()).containsExactly(m.intercepts());
                assertThat(back.iterations()).isEqualTo(m.iterations());
                assertThat(paramsOf(back)).isEqualTo(paramsOf(m));
            }
        }
    }

    @Test
    void aFileWithTheWrongCoefficientShapeIsRefused(@TempDir Path dir) throws IOException {
        LogisticRegressionModel m = new LogisticRegression().fit(X, THREE);
        Path file = dir.resolve("lr");
        ModelFile.save(m, file);
        Path manifest = file.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"c2\"", "\"c2\", \"c3\""));
        assertThatThrownBy(() -> ModelFile.load(file, LogisticRegressionModel.class))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("tensor 'coefficients': expected shape [4, 4], found [3, 4]");
    }

    @Test
    void importancesAreCoefficientMagnitudesSummedOverClasses() {
        LinearClassifierModel m = new LogisticRegression().fit(X, THREE);
        double[] importances = ((FeatureImportances) m).featureImportances();
        for (int j = 0; j < 4; j++) {
            double sum = 0;
            for (double[] row : m.coefficients()) {
                sum += Math.abs(row[j]);
            }
            assertThat(importances[j]).isEqualTo(sum);
        }
        RidgeModel r = new Ridge().fit(X, Y);
        for (int j = 0; j < 4; j++) {
            assertThat(r.featureImportances()[j]).isEqualTo(Math.abs(r.coefficients()[j]));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T model, Path dir) {
        Path file = dir.resolve(ModelTypes.forClass(model.getClass()).typeId() + "-" + System.nanoTime());
        ModelFile.save(model, file);
        assertThat(ModelFile.readManifest(file).modelType()).isEqualTo(ModelTypes.forClass(model.getClass()).typeId());
        return (T) ModelFile.load(file, model.getClass());
    }

    private static Object paramsOf(Object model) {
        try {
            return model.getClass().getMethod("params").invoke(model);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}

package dev.kiln.learn.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.core.model.Pipeline;
import dev.kiln.core.model.PipelineModel;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.core.model.Transformer;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.learn.linear.LinearRegression;
import dev.kiln.learn.preprocess.compose.ColumnSelector;
import dev.kiln.learn.preprocess.compose.ColumnTransformer;
import dev.kiln.learn.preprocess.encode.OneHotEncoder;
import dev.kiln.learn.preprocess.encode.OrdinalEncoder;
import dev.kiln.learn.preprocess.features.PolynomialFeatures;
import dev.kiln.learn.preprocess.impute.KnnImputer;
import dev.kiln.learn.preprocess.impute.MissingIndicator;
import dev.kiln.learn.preprocess.impute.SimpleImputer;
import dev.kiln.learn.preprocess.outlier.IqrOutliers;
import dev.kiln.learn.preprocess.outlier.ZScoreOutliers;
import dev.kiln.learn.preprocess.scale.MaxAbsScaler;
import dev.kiln.learn.preprocess.scale.MinMaxScaler;
import dev.kiln.learn.preprocess.scale.RobustScaler;
import dev.kiln.learn.preprocess.scale.StandardScaler;
import dev.kiln.learn.select.Rfe;
import dev.kiln.learn.select.ScoreFunction;
import dev.kiln.learn.select.SelectKBest;
import dev.kiln.learn.select.VarianceThreshold;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PreprocessModelFileTest {
    private static final Frame AMES = TestData.read("ames_housing").head(300);
    private static final Column PRICE = AMES.column("Sale_Price");
    private static final List<String> NUMERIC = List.of("Lot_Frontage", "Lot_Area", "Year_Built", "Gr_Liv_Area", "Garage_Area");
    private static final List<String> CATEGORICAL = List.of("MS_Zoning", "Street", "Lot_Shape");

    /** Ames rows with holes punched in the numeric columns (every seventh row of each, shifted per column). */
    private static Frame features() {
        Frame f = AMES.select(new ArrayList<>(Stream.concat(NUMERIC.stream(), CATEGORICAL.stream()).toList()));
        for (int j = 0; j < NUMERIC.size(); j++) {
            double[] v = f.column(NUMERIC.get(j)).toDoubles();
            for (int i = j; i < v.length; i += 7) {
                v[i] = Double.NaN;
            }
            f = f.withColumn(DoubleColumn.of(NUMERIC.get(j), v));
        }
        return f;
    }

    @Test
    void aPipelineOfSeveralStepsAndALinearRegressionReloadsWithIdenticalPredictions(@TempDir Path dir) {
        Frame x = features();
        ColumnTransformer ct = new ColumnTransformer(List.of(
                ColumnTransformer.entry("num", new SimpleImputer(new SimpleImputer.Params(SimpleImputer.Strategy.MEDIAN, null, true,
                        false, null)), ColumnSelector.numeric()),
                ColumnTransformer.entry("cat", new OneHotEncoder(new OneHotEncoder.Params(OneHotEncoder.HandleUnknown.IGNORE,
                        OneHotEncoder.Drop.IF_BINARY, null)), ColumnSelector.categorical())),
                new ColumnTransformer.Params(ColumnTransformer.Remainder.PASSTHROUGH));
        List<Transformer> steps = List.of(ct, new IqrOutliers(new IqrOutliers.Params(3, NUMERIC)), new StandardScaler(),
                new VarianceThreshold(), new SelectKBest(SelectKBest.Params.of(12, ScoreFunction.F_REGRESSION)),
                new PolynomialFeatures(new PolynomialFeatures.Params(2, true, false, null)));
        PipelineModel<RegressionPrediction> fitted = Pipeline.<RegressionPrediction>of(steps, new LinearRegression()).fit(x, PRICE);
        ModelFile.save(fitted, dir.resolve("pipe"));
        @SuppressWarnings("unchecked")
        PipelineModel<RegressionPrediction> back = ModelFile.load(dir.resolve("pipe"), PipelineModel.class);
        Frame later = features().take(new int[] {0, 5, 10, 299});
        assertThat(back.predict(x).values()).containsExactly(fitted.predict(x).values());
        assertThat(back.predict(later).values()).containsExactly(fitted.predict(later).values());
        String feature = fitted.model().inputSchema().names().get(fitted.model().inputSchema().size() - 1);
        assertThat(back.sources(feature)).isEqualTo(fitted.sources(feature)).isNotEmpty();
    }

    /** Saves the fitted step on its own and loads it back. */
    private static FittedTransformer reload(FittedTransformer fitted, Path dir) {
        ModelFile.save(fitted, dir.resolve("step"));
        assertThat(ModelFile.readManifest(dir.resolve("step")).inputSchema()).isEqualTo(fitted.inputSchema());
        return ModelFile.load(dir.resolve("step"), FittedTransformer.class);
    }

    static Stream<Transformer> everyTransformer() {
        return Stream.of(new StandardScaler(), new MinMaxScaler(), new RobustScaler(), new MaxAbsScaler(),
                new SimpleImputer(new SimpleImputer.Params(SimpleImputer.Strategy.MOST_FREQUENT, null, true, false, null)),
                new KnnImputer(new KnnImputer.Params(3, KnnImputer.Weights.DISTANCE, true, false, null)), new MissingIndicator(),
                new IqrOutliers(), new ZScoreOutliers(), new OneHotEncoder(),
                new OrdinalEncoder(new OrdinalEncoder.Params(OrdinalEncoder.HandleUnknown.USE_ENCODED_VALUE, Double.NaN, -2, null)),
                ColumnTransformer.of(ColumnTransformer.entry("s", new MinMaxScaler(), ColumnSelector.numeric())),
                new PolynomialFeatures(), new VarianceThreshold(),
                new SelectKBest(new SelectKBest.Params(2, ScoreFunction.MUTUAL_INFO_REGRESSION, 4, List.of("Lot_Area", "Year_Built", "Gr_Liv_Area"))),
                new Rfe(new LinearRegression(), new Rfe.Params(2, 1)));
    }

    @ParameterizedTest
    @MethodSource("everyTransformer")
    void everyFittedTransformerReloadsWithIdenticalOutput(Transformer t, @TempDir Path dir) {
        Frame x = t instanceof Rfe || t instanceof PolynomialFeatures || t instanceof SelectKBest
                ? AMES.select(NUMERIC.subList(1, 4)) : features();
        FittedTransformer fitted = t.fit(x, PRICE);
        FittedTransformer back = reload(fitted, dir);
        assertThat(back.getClass()).isEqualTo(fitted.getClass());
        assertThat(back.inputSchema()).isEqualTo(fitted.inputSchema());
        Frame want = fitted.transform(x);
        Frame got = back.transform(x);
        assertThat(got.names()).isEqualTo(want.names());
        for (String name : want.names()) {
            for (int i = 0; i < want.rowCount(); i++) {
                assertThat(got.column(name).text(i)).as("%s row %d", name, i).isEqualTo(want.column(name).text(i));
            }
            assertThat(back.sources(name)).isEqualTo(fitted.sources(name));
        }
    }
}

package dev.kiln.learn.preprocess.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.model.Pipeline;
import dev.kiln.core.model.PipelineModel;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.learn.linear.LinearRegression;
import dev.kiln.learn.preprocess.encode.OneHotEncoder;
import dev.kiln.learn.preprocess.features.PolynomialFeatures;
import dev.kiln.learn.preprocess.impute.SimpleImputer;
import dev.kiln.learn.preprocess.scale.StandardScaler;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnTransformerTest {
    private static final Frame X = Frame.of(CategoricalColumn.of("city", "Oslo", "Bergen", "Oslo", "Bergen"),
            DoubleColumn.of("area", 50, 80, 65, 90), LongColumn.of("rooms", 2, 3, 3, 4), BooleanColumn.of("balcony", true, false, false, true));

    @Test
    void entriesActOnTheirColumnsAndOutputsConcatenateInOrder() {
        ColumnTransformer ct = new ColumnTransformer(List.of(
                ColumnTransformer.entry("num", new StandardScaler(), ColumnSelector.numeric()),
                ColumnTransformer.entry("cat", new OneHotEncoder(), ColumnSelector.categorical())),
                new ColumnTransformer.Params(ColumnTransformer.Remainder.PASSTHROUGH));
        FittedColumnTransformer f = ct.fit(X, null);
        Frame out = f.transform(X);
        assertThat(out.names()).containsExactly("area", "rooms", "city=Bergen", "city=Oslo", "balcony");
        // rooms 2, 3, 3, 4: mean 3, population std sqrt(1/2).
        assertThat(out.column("rooms").toDoubles()).containsExactly(new double[] {-Math.sqrt(2), 0, 0, Math.sqrt(2)},
                org.assertj.core.api.Assertions.within(1e-15));
        assertThat(f.sources("city=Oslo")).containsExactly("city");
        assertThat(f.sources("balcony")).containsExactly("balcony");
        Frame dropped = ColumnTransformer.of(ColumnTransformer.entry("cat", new OneHotEncoder(), ColumnSelector.names("city")))
                .fit(X, null).transform(X);
        assertThat(dropped.names()).containsExactly("city=Bergen", "city=Oslo");
    }

    @Test
    void pipelineLineageTracesOneHotAndPolynomialFeaturesToTheUsersColumns() {
        ColumnTransformer ct = ColumnTransformer.of(
                ColumnTransformer.entry("num", new SimpleImputer(), ColumnSelector.names("area", "rooms")),
                ColumnTransformer.entry("cat", new OneHotEncoder(), ColumnSelector.categorical()));
        PolynomialFeatures poly = new PolynomialFeatures(new PolynomialFeatures.Params(2, true, false, null));
        PipelineModel<RegressionPrediction> model = Pipeline.<RegressionPrediction>of(List.of(ct, poly), new LinearRegression())
                .fit(X, DoubleColumn.of("price", 3, 4, 3.5, 5));
        assertThat(model.model().inputSchema().names()).contains("area*city=Oslo", "rooms*city=Bergen", "area*rooms");
        assertThat(model.sources("area*city=Oslo")).containsExactly("area", "city");
        assertThat(model.sources("city=Bergen")).containsExactly("city");
        assertThat(model.sources("area*rooms")).containsExactly("area", "rooms");
    }

    @Test
    void clashingOutputNamesAndMissingColumnsAreReported() {
        ColumnTransformer twice = new ColumnTransformer(List.of(
                ColumnTransformer.entry("a", new StandardScaler(), ColumnSelector.names("area")),
                ColumnTransformer.entry("b", new StandardScaler(), ColumnSelector.numeric())), ColumnTransformer.Params.defaults());
        assertThatThrownBy(() -> twice.fit(X, null)).hasMessageContaining("output column 'area' comes from both 'a' and 'b'");
        assertThatThrownBy(() -> ColumnTransformer.of(ColumnTransformer.entry("x", new StandardScaler(), ColumnSelector.names("size")))
                .fit(X, null)).hasMessageContaining("entry 'x'").hasMessageContaining("unknown column 'size'");
        FittedColumnTransformer f = ColumnTransformer.of(ColumnTransformer.entry("n", new StandardScaler(), ColumnSelector.numeric()))
                .fit(X, null);
        assertThatThrownBy(() -> f.transform(X.drop("rooms"))).hasMessageContaining("entry 'n' was fitted on column 'rooms'");
    }
}

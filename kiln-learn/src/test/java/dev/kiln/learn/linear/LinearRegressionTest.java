package dev.kiln.learn.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.linalg.Cholesky;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.Vector;
import dev.kiln.core.random.Rng;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearRegressionTest {

    @Test
    void recoversExactCoefficientsFromNoiselessData() {
        Rng rng = Rng.seeded(1);
        Frame x = gaussianFrame(rng, 50, 3);
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            y[i] = 3 + 2 * x.column(0).getDouble(i) - 0.5 * x.column(1).getDouble(i);
        }
        LinearRegressionModel m = new LinearRegression().fit(x, DoubleColumn.of("y", y));
        assertThat(m.coefficients()[0]).isCloseTo(2, within(1e-12));
        assertThat(m.coefficients()[1]).isCloseTo(-0.5, within(1e-12));
        assertThat(m.coefficients()[2]).isCloseTo(0, within(1e-12));
        assertThat(m.intercept()).isCloseTo(3, within(1e-12));
    }

    @Test
    void equalsTheNormalEquationsSolutionOnNoisyData() {
        Rng rng = Rng.seeded(2);
        int n = 200;
        int p = 5;
        Frame x = gaussianFrame(rng, n, p);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 1 + rng.nextGaussian();
            for (int j = 0; j < p; j++) {
                y[i] += (j + 1) * x.column(j).getDouble(i);
            }
        }
        // Normal equations with an intercept column: (AᵀA) β = Aᵀy, A = [1 X].
        Matrix a = Matrix.from(n, p + 1, (i, j) -> j == 0 ? 1 : x.column(j - 1).getDouble(i));
        Vector beta = Cholesky.of(a.transposeTimes(a)).solve(a.transposeTimes(Vector.wrap(y)));
        LinearRegressionModel m = new LinearRegression().fit(x, DoubleColumn.of("y", y));
        assertThat(m.intercept()).isCloseTo(beta.get(0), within(1e-10));
        for (int j = 0; j < p; j++) {
            assertThat(m.coefficients()[j]).isCloseTo(beta.get(j + 1), within(1e-10 * Math.abs(beta.get(j + 1))));
        }
    }

    @Test
    void matchesScikitLearnOnDiabetes() {
        // Reference: scikit-learn 1.2.1 (Debian python3-sklearn), LinearRegression().fit(X, y) on all 442 rows
        // of diabetes.csv, X = the ten feature columns, y = target; coef_ and intercept_ printed with repr().
        Frame data = CsvReader.read(Path.of("src/test/resources/datasets/diabetes/diabetes.csv"));
        LinearRegressionModel m = new LinearRegression().fit(data, "target");
        double[] expected = {-3.6361224223623534e-02, -2.2859648090498350e+01, 5.6029620919237022e+00,
            1.1168079933181856e+00, -1.0899963340632226e+00, 7.4645045551420885e-01, 3.7200471508913791e-01,
            6.5338319359903494e+00, 6.8483124964788274e+01, 2.8011698932149720e-01};
        double[] w = m.coefficients();
        for (int j = 0; j < expected.length; j++) {
            assertThat(w[j]).as("coefficient %d", j).isCloseTo(expected[j], within(1e-9 * Math.abs(expected[j])));
        }
        assertThat(m.intercept()).isCloseTo(-334.5671385187868, within(1e-9 * 334.6));
    }

    @Test
    void linearlyDependentColumnsGetTheMinimumNormSolution() {
        // x2 = 2·x1 and y = 3·x1: every w with w1 + 2·w2 = 3 fits exactly; the shortest is 3·(1, 2)/5.
        double[] x1 = {1, 2, 3, 4, 5, 6};
        double[] x2 = new double[6];
        double[] y = new double[6];
        for (int i = 0; i < 6; i++) {
            x2[i] = 2 * x1[i];
            y[i] = 3 * x1[i];
        }
        LinearRegressionModel m = new LinearRegression(new LinearRegression.Params(false))
                .fit(Frame.of(DoubleColumn.of("x1", x1), DoubleColumn.of("x2", x2)), DoubleColumn.of("y", y));
        assertThat(m.coefficients()[0]).isCloseTo(0.6, within(1e-12));
        assertThat(m.coefficients()[1]).isCloseTo(1.2, within(1e-12));
        assertThat(m.intercept()).isZero();
    }

    @Test
    void withoutAnInterceptTheLineGoesThroughTheOrigin() {
        // One feature, no intercept: w = Σxy / Σx² = (1·7 + 2·9 + 3·11) / (1 + 4 + 9) = 58 / 14.
        LinearRegressionModel m = new LinearRegression(new LinearRegression.Params(false))
                .fit(Frame.of(DoubleColumn.of("x", 1, 2, 3)), DoubleColumn.of("y", 7, 9, 11));
        assertThat(m.coefficients()[0]).isCloseTo(58.0 / 14, within(1e-14));
        assertThat(m.predict(Frame.of(DoubleColumn.of("x", 2))).values()[0]).isCloseTo(2 * 58.0 / 14, within(1e-13));
    }

    @Test
    void unusableDataIsRefusedWithTheReason() {
        Frame ok = Frame.of(DoubleColumn.of("a", 1, 2, 3));
        Column y = DoubleColumn.of("y", 1, 2, 3);
        LinearRegression lr = new LinearRegression();
        assertThatThrownBy(() -> lr.fit(ok.withColumn(CategoricalColumn.of("c", "x", "y", "x")), y))
                .hasMessage("linear-regression needs numeric features without missing values: column 'c' is categorical (encode it first)");
        assertThatThrownBy(() -> lr.fit(Frame.of(DoubleColumn.of("a", 1, Double.NaN, 3)), y))
                .hasMessageContaining("column 'a' has 1 missing value (impute or drop them first)");
        assertThatThrownBy(() -> lr.fit(ok, TextColumn.of("y", "a", "b", "c")))
                .hasMessageContaining("the target 'y' is text; regression needs a numeric target");
        assertThatThrownBy(() -> lr.fit(ok, (Column) null)).hasMessageContaining("needs a target column");
        assertThatThrownBy(() -> lr.fit(ok, DoubleColumn.of("y", 1, 2))).hasMessageContaining("the target has 2 rows but the features have 3");
        LinearRegressionModel m = lr.fit(ok, y);
        assertThatThrownBy(() -> m.predict(Frame.of(DoubleColumn.of("b", 1))))
                .hasMessageContaining("was fitted on columns [a] but the data has no column 'a'");
    }

    static Frame gaussianFrame(Rng rng, int rows, int cols) {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = rng.nextGaussian();
            }
            columns.add(DoubleColumn.of("x" + j, v));
        }
        return Frame.of(columns);
    }
}

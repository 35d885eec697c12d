package dev.kiln.learn.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.linalg.Cholesky;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.Vector;
import dev.kiln.core.random.Rng;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RidgeTest {

    @Test
    void solvesTheNormalEquationsWithAnUnpenalisedIntercept() {
        // Minimising ‖y − Xw − b‖² + α‖w‖² over (b, w): with A = [1 X] the normal equations are
        // (AᵀA + α·diag(0, 1, …, 1))(b, w) = Aᵀy, solved here directly.
        Rng rng = Rng.seeded(4);
        int n = 60;
        int p = 6;
        double alpha = 3.5;
        Frame x = LinearFixtures.gaussianFrame(rng, n, p, 2.0);
        double[] y = LinearFixtures.linearTarget(rng, x, 1.5, 0.3);
        Matrix a = Matrix.from(n, p + 1, (i, j) -> j == 0 ? 1 : x.column(j - 1).getDouble(i));
        Matrix lhs = a.transposeTimes(a);
        for (int j = 1; j <= p; j++) {
            lhs.set(j, j, lhs.get(j, j) + alpha);
        }
        Vector beta = Cholesky.of(lhs).solve(a.transposeTimes(Vector.wrap(y)));
        RidgeModel m = new Ridge(new Ridge.Params(alpha, true)).fit(x, DoubleColumn.of("y", y));
        assertThat(m.intercept()).isCloseTo(beta.get(0), within(1e-10));
        for (int j = 0; j < p; j++) {
            assertThat(m.coefficients()[j]).isCloseTo(beta.get(j + 1), within(1e-10));
        }
    }

    @Test
    void theDualFormForMoreFeaturesThanRowsGivesThePrimalSolution() {
        // With p > n Ridge solves (XXᵀ + αI)c = y, w = Xᵀc; the primal (XᵀX + αI)w = Xᵀy has the same solution.
        Rng rng = Rng.seeded(5);
        int n = 12;
        int p = 30;
        double alpha = 0.7;
        Frame x = LinearFixtures.gaussianFrame(rng, n, p, 1.0);
        double[] y = LinearFixtures.linearTarget(rng, x, -2, 1.0);
        Matrix xm = x.toMatrix();
        Matrix gram = xm.transposeTimes(xm).plus(Matrix.identity(p).times(alpha));
        double[] expected = Cholesky.of(gram).solve(xm.transposeTimes(Vector.wrap(y))).toArray();
        RidgeModel m = new Ridge(new Ridge.Params(alpha, false)).fit(x, DoubleColumn.of("y", y));
        assertThat(m.intercept()).isZero();
        for (int j = 0; j < p; j++) {
            assertThat(m.coefficients()[j]).isCloseTo(expected[j], within(1e-10));
        }
    }

    @Test
    void withoutPenaltyAndDependentColumnsItGivesTheMinimumNormLeastSquaresSolution() {
        // x2 = x0 − x1 makes XᵀX singular: with α = 0 the SVD fallback must give the minimum-norm
        // solution, as LinearRegression's pseudo-inverse does.
        Rng rng = Rng.seeded(9);
        Frame base = LinearFixtures.gaussianFrame(rng, 40, 2, 1.0);
        double[] x2 = new double[40];
        for (int i = 0; i < 40; i++) {
            x2[i] = base.column(0).getDouble(i) - base.column(1).getDouble(i);
        }
        Frame x = base.withColumn(DoubleColumn.of("x2", x2));
        DoubleColumn y = DoubleColumn.of("y", LinearFixtures.linearTarget(rng, x, 1, 0.2));
        RidgeModel ridge = new Ridge(new Ridge.Params(0, true)).fit(x, y);
        LinearRegressionModel ols = new LinearRegression().fit(x, y);
        ElasticNetTest.assertClose(ridge.coefficients(), ols.coefficients(), 1e-10);
        assertThat(ridge.intercept()).isCloseTo(ols.intercept(), within(1e-10));
    }

    @Test
    void matchesScikitLearnOnDiabetes() {
        // Reference: scikit-learn 1.2.1, all 442 rows of diabetes.csv:
        //   d = pd.read_csv("diabetes.csv"); X = d.drop(columns=["target"]).values.astype(float); y = d["target"].values
        //   m = Ridge().fit(X, y); print(repr(m.coef_), repr(m.intercept_))
        Frame data = CsvReader.read(Path.of("src/test/resources/datasets/diabetes/diabetes.csv"));
        RidgeModel m = new Ridge().fit(data, "target");
        double[] expected = {-3.2852396855431773e-02, -2.2607045432279943e+01, 5.6404052343656526e+00,
            1.1189975700485106e+00, -9.1467348426988637e-01, 5.8490982528817337e-01, 1.7788523837880665e-01,
            6.2504417786615836e+00, 6.3179080873617174e+01, 2.8776690289978718e-01};
        for (int j = 0; j < expected.length; j++) {
            assertThat(m.coefficients()[j]).as("coefficient %d", j).isCloseTo(expected[j], within(1e-9 * Math.abs(expected[j])));
        }
        assertThat(m.intercept()).isCloseTo(-316.0771186042882, within(1e-9 * 316));
    }

    @Test
    void aPathFromOneDecompositionEqualsSeparateFitsAndShrinksAsAlphaGrows() {
        Rng rng = Rng.seeded(6);
        Frame x = LinearFixtures.gaussianFrame(rng, 80, 5, 1.0);
        DoubleColumn y = DoubleColumn.of("y", LinearFixtures.linearTarget(rng, x, 4, 0.5));
        double[] alphas = {0, 0.1, 1, 10, 100, 1000};
        List<RidgeModel> path = new Ridge().fitPath(x, y, alphas);
        assertThat(path).hasSize(alphas.length);
        double previousNorm = Double.POSITIVE_INFINITY;
        for (int i = 0; i < alphas.length; i++) {
            RidgeModel single = new Ridge(new Ridge.Params(alphas[i], true)).fit(x, y);
            assertThat(path.get(i).params().alpha()).isEqualTo(alphas[i]);
            assertThat(path.get(i).intercept()).isCloseTo(single.intercept(), within(1e-10));
            for (int j = 0; j < 5; j++) {
                assertThat(path.get(i).coefficients()[j]).isCloseTo(single.coefficients()[j], within(1e-10));
            }
            double norm = Vector.wrap(path.get(i).coefficients()).norm();
            assertThat(norm).isLessThan(previousNorm);
            previousNorm = norm;
        }
    }

    @Test
    void aPathWorksWithMoreFeaturesThanRows() {
        Rng rng = Rng.seeded(8);
        Frame x = LinearFixtures.gaussianFrame(rng, 10, 25, 1.0);
        DoubleColumn y = DoubleColumn.of("y", LinearFixtures.linearTarget(rng, x, 0, 0.1));
        List<RidgeModel> path = new Ridge().fitPath(x, y, 0.5, 5);
        for (RidgeModel m : path) {
            RidgeModel single = new Ridge(new Ridge.Params(m.params().alpha(), true)).fit(x, y);
            for (int j = 0; j < 25; j++) {
                assertThat(m.coefficients()[j]).isCloseTo(single.coefficients()[j], within(1e-10));
            }
        }
    }

    @Test
    void hyperparametersAndDataAreChecked() {
        assertThat(Ridge.Params.defaults()).isEqualTo(new Ridge.Params(1.0, true));
        assertThatThrownBy(() -> new Ridge.Params(-1, true)).hasMessage("alpha must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> new Ridge.Params(Double.NaN, true)).hasMessage("alpha must be a finite number >= 0, got NaN");
        Frame x = Frame.of(DoubleColumn.of("a", 1, 2, 3));
        assertThatThrownBy(() -> new Ridge().fitPath(x, DoubleColumn.of("y", 1, 2, 3)))
                .hasMessage("ridge: fitPath needs at least one alpha");
        assertThatThrownBy(() -> new Ridge().fitPath(x, DoubleColumn.of("y", 1, 2, 3), 1, -2))
                .hasMessage("alpha must be a finite number >= 0, got -2.0");
        assertThatThrownBy(() -> new Ridge().fit(x, TextColumn.of("y", "a", "b", "c")))
                .hasMessage("ridge: the target 'y' is text; regression needs a numeric target");
        assertThatThrownBy(() -> new Ridge().fit(Frame.of(DoubleColumn.of("a", 1, Double.NaN, 3)), DoubleColumn.of("y", 1, 2, 3)))
                .hasMessage("ridge needs numeric features without missing values: column 'a' has 1 missing value (impute or drop them first)");
    }
}

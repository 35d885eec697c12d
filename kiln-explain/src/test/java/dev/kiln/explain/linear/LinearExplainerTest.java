package dev.kiln.explain.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.random.Rng;
import dev.kiln.explain.Explanation;
import dev.kiln.explain.FeatureRows;
import dev.kiln.explain.exact.ShapleyEnumeration;
import dev.kiln.explain.exact.ValueFunction;
import dev.kiln.learn.linear.LinearRegression;
import dev.kiln.learn.linear.LinearRegressionModel;
import dev.kiln.learn.linear.LogisticRegression;
import dev.kiln.learn.linear.LogisticRegressionModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Linear SHAP: the closed form for independent features, conditional Gaussian expectations for correlated ones. */
class LinearExplainerTest {

    @Test
    void independentValuesAreWeightTimesDistanceFromTheMean() {
        Frame data = correlated(Rng.seeded(1), 200, 4, 0.0);
        LinearRegressionModel model = new LinearRegression().fit(data.drop("y"), data.column("y"));
        LinearTerms terms = LinearTerms.of(model).orElseThrow();
        List<Explanation> ex = LinearExplainer.independent(terms, null, data).explain(data.head(10));
        double[] w = model.coefficients();
        double[] mean = new double[4];
        for (int j = 0; j < 4; j++) {
            mean[j] = java.util.Arrays.stream(data.column("x" + j).toDoubles()).average().orElseThrow();
        }
        double[] predictions = model.predict(data.head(10)).values();
        for (int i = 0; i < 10; i++) {
            Explanation e = ex.get(i);
            assertThat(e.output()).isEqualTo(Explanation.Output.VALUE);
            for (int j = 0; j < 4; j++) {
                assertThat(e.values()[j]).isCloseTo(w[j] * (data.column("x" + j).getDouble(i) - mean[j]), within(1e-12));
            }
            assertThat(e.prediction()).isCloseTo(predictions[i], within(1e-9));
            assertThat(e.additivityGap()).isCloseTo(0, within(1e-9));
        }
        // The base value is the mean prediction over the background.
        double meanPrediction = java.util.Arrays.stream(model.predict(data).values()).average().orElseThrow();
        assertThat(ex.get(0).baseValue()).isCloseTo(meanPrediction, within(1e-9));
    }

    /**
     * Two standardised features with correlation ρ, f = w1·x1 + w2·x2: v(∅) = 0,
     * v({1}) = (w1 + ρ·w2)·x1, v({2}) = (w2 + ρ·w1)·x2, v({1,2}) = f, so
     * φ1 = ½·v({1}) + ½·(f − v({2})) = w1·x1 + ½ρ·(w2·x1 − w1·x2).
     */
    @Test
    void twoCorrelatedFeaturesHaveTheClosedForm() {
        double rho = 0.6;
        double w1 = 1.5;
        double w2 = -0.7;
        double[][] t = GaussianShapTransform.exact(new double[][] {{1, rho}, {rho, 1}}, new double[] {w1, w2});
        double x1 = 0.8;
        double x2 = -1.3;
        double phi1 = t[0][0] * x1 + t[0][1] * x2;
        double phi2 = t[1][0] * x1 + t[1][1] * x2;
        assertThat(phi1).isCloseTo(w1 * x1 + 0.5 * rho * (w2 * x1 - w1 * x2), within(1e-9));
        assertThat(phi2).isCloseTo(w2 * x2 + 0.5 * rho * (w1 * x2 - w2 * x1), within(1e-9));
    }

    @Test
    void correlatedValuesMatchEnumerationOfTheConditionalExpectation() {
        Rng rng = Rng.seeded(7);
        Frame data = correlated(rng, 300, 6, 0.7);
        LinearRegressionModel model = new LinearRegression().fit(data.drop("y"), data.column("y"));
        LinearTerms terms = LinearTerms.of(model).orElseThrow();
        LinearExplainer explainer = LinearExplainer.correlated(terms, null, data, 10, 1);
        double[][] bg = FeatureRows.of(model.inputSchema(), data, "test");
        double[] mean = mean(bg);
        double[][] cov = covariance(bg, mean);
        double[][] rows = FeatureRows.of(model.inputSchema(), data.head(5), "test");
        List<Explanation> ex = explainer.explain(data.head(5));
        for (int i = 0; i < 5; i++) {
            double[] expected = ShapleyEnumeration.values(6,
                    conditionalExpectation(model.coefficients(), model.intercept(), mean, cov, rows[i]));
            assertThat(ex.get(i).values()).containsExactly(expected, within(1e-7));
            assertThat(ex.get(i).additivityGap()).isCloseTo(0, within(1e-9));
        }
    }

    @Test
    void sampledOrdersConvergeToTheExactTransformAndStillAddUp() {
        Rng rng = Rng.seeded(9);
        Frame data = correlated(rng, 400, 5, 0.5);
        double[][] rows = FeatureRows.of(data.drop("y").schema(), data, "test");
        double[][] cov = covariance(rows, mean(rows));
        double[] w = {1, -2, 0.5, 3, -1};
        double[][] exact = GaussianShapTransform.exact(cov, w);
        double[][] sampled = GaussianShapTransform.sampled(cov, w, 20_000, 3);
        double[][] again = GaussianShapTransform.sampled(cov, w, 20_000, 3);
        for (int i = 0; i < 5; i++) {
            assertThat(sampled[i]).containsExactly(exact[i], within(0.05));
            assertThat(again[i]).containsExactly(sampled[i], within(0.0));
        }
        // Each column of T sums to w: Σ_i φ_i = w·(x − μ) for every x.
        for (int j = 0; j < 5; j++) {
            double s = 0;
            for (int i = 0; i < 5; i++) {
                s += sampled[i][j];
            }
            assertThat(s).isCloseTo(w[j], within(1e-9));
        }
    }

    @Test
    void logisticRegressionIsExplainedInLogOdds() {
        Frame data = correlated(Rng.seeded(5), 200, 3, 0.3);
        String[] labels = new String[data.rowCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.column("y").getDouble(i) > 0 ? "yes" : "no";
        }
        LogisticRegressionModel model = new LogisticRegression().fit(data.drop("y"), TextColumn.of("label", labels));
        List<Explanation> ex = LinearExplainer.independent(LinearTerms.of(model).orElseThrow(), null, data)
                .explain(data.head(8));
        double[][] decision = model.decisionFunction(data.head(8));
        for (int i = 0; i < 8; i++) {
            Explanation e = ex.get(i);
            assertThat(e.output()).isEqualTo(Explanation.Output.LOG_ODDS);
            assertThat(e.outputClass()).isEqualTo("yes");
            assertThat(e.prediction()).isCloseTo(decision[i][0], within(1e-9));
            assertThat(e.additivityGap()).isCloseTo(0, within(1e-9));
        }
    }

    /** E[f(x) | x_S] for f = w·x + b under N(μ, Σ), by the textbook conditional mean μ_S̄ + Σ_S̄S Σ_SS⁻¹ (x_S − μ_S). */
    static ValueFunction conditionalExpectation(double[] w, double b, double[] mu, double[][] cov, double[] x) {
        int m = w.length;
        return mask -> {
            List<Integer> s = new ArrayList<>();
            List<Integer> rest = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                ((mask & (1 << j)) != 0 ? s : rest).add(j);
            }
            double[] filled = mu.clone();
            if (!s.isEmpty()) {
                double[][] a = new double[s.size()][s.size()];
                double[] d = new double[s.size()];
                for (int i = 0; i < s.size(); i++) {
                    for (int j = 0; j < s.size(); j++) {
                        a[i][j] = cov[s.get(i)][s.get(j)];
                    }
                    d[i] = x[s.get(i)] - mu[s.get(i)];
                }
                double[] z = gauss(a, d);
                for (int r : rest) {
                    for (int i = 0; i < s.size(); i++) {
                        filled[r] += cov[r][s.get(i)] * z[i];
                    }
                }
                for (int i : s) {
                    filled[i] = x[i];
                }
            }
            double f = b;
            for (int j = 0; j < m; j++) {
                f += w[j] * filled[j];
            }
            return f;
        };
    }

    /** Solves a·z = d by Gaussian elimination with partial pivoting. */
    private static double[] gauss(double[][] a, double[] d) {
        int n = d.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = d[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[p];
            m[p] = tmp;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] z = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int k = i + 1; k < n; k++) {
                s -= m[i][k] * z[k];
            }
            z[i] = s / m[i][i];
        }
        return z;
    }

    /** Features x0… sharing a common factor (pairwise correlation about {@code shared}²), and y a noisy linear target. */
    static Frame correlated(Rng rng, int n, int m, double shared) {
        double[][] x = new double[m][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double common = rng.nextGaussian();
            for (int j = 0; j < m; j++) {
                x[j][i] = shared * common + Math.sqrt(1 - shared * shared) * rng.nextGaussian() + j;
                y[i] += (j % 2 == 0 ? 1 : -0.5) * (j + 1) * x[j][i];
            }
            y[i] += 0.1 * rng.nextGaussian() - 3;
        }
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            columns.add(DoubleColumn.of("x" + j, x[j]));
        }
        columns.add(DoubleColumn.of("y", y));
        return Frame.of(columns);
    }

    private static double[] mean(double[][] rows) {
        double[] mean = new double[rows[0].length];
        for (double[] r : rows) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += r[j] / rows.length;
            }
        }
        return mean;
    }

    /** The sample covariance as (X − 1μᵀ)ᵀ(X − 1μᵀ)/(n − 1), with Kiln's matrix product. */
    private static double[][] covariance(double[][] rows, double[] mean) {
        double[][] centred = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            centred[i] = rows[i].clone();
            for (int j = 0; j < mean.length; j++) {
                centred[i][j] -= mean[j];
            }
        }
        Matrix c = Matrix.of(centred);
        return c.transposeTimes(c).times(1.0 / (rows.length - 1)).toArray();
    }
}

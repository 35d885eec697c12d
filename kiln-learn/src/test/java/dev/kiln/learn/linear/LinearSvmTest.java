package dev.kiln.learn.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.parity.ParityData;
import org.junit.jupiter.api.Test;

class LinearSvmTest {
    private static final LinearSvm.Params TIGHT = LinearSvm.Params.defaults().withTol(1e-10).withMaxIter(100000);

    @Test
    void matchesLiblinearsSolutionOnBreastCancer() {
        // Reference: scikit-learn 1.2.1 on the standardised training rows (Standardized's prep snippet):
        //   Xtr, ytr, Xte, yte = prep("breast_cancer", "target")
        //   for kw in [dict(), dict(loss='hinge', C=0.1)]:
        //       m = LinearSVC(tol=1e-10, max_iter=10000000, **kw).fit(Xtr, ytr); print(repr(m.coef_[0][:5]), repr(m.intercept_))
        Standardized d = Standardized.of(ParityData.BREAST_CANCER);
        LinearSvmModel squared = new LinearSvm(TIGHT).fit(d.train(), d.trainTarget());
        ElasticNetTest.assertClose(java.util.Arrays.copyOf(squared.coefficients()[0], 5), new double[] {0.3008946489417744,
            -0.25182046288032733, 0.2296381213624288, -0.01127297382026788, -0.09270223520594245}, 1e-8);
        assertThat(squared.intercepts()[0]).isCloseTo(-0.06940491365418794, within(1e-8));
        LinearSvmModel hinge = new LinearSvm(TIGHT.withLoss(LinearSvm.Loss.HINGE).withC(0.1)).fit(d.train(), d.trainTarget());
        ElasticNetTest.assertClose(java.util.Arrays.copyOf(hinge.coefficients()[0], 5), new double[] {-0.22464735754193296,
            -0.40479565989260646, -0.21863847114998364, -0.24469478221395385, -0.03147652393686435}, 1e-8);
        assertThat(hinge.intercepts()[0]).isCloseTo(0.20034803619792563, within(1e-8));
    }

    @Test
    void theSquaredHingeSolutionZeroesThePrimalGradient() {
        // P(w̃) = ½‖w̃‖² + C·Σ max(0, 1 − yᵢw̃·x̃ᵢ)² over w̃ = (w, b/s), x̃ = (x, s), s = interceptScaling:
        // ∇P = w̃ − 2C·Σ over margin violators of yᵢ(1 − yᵢw̃·x̃ᵢ)x̃ᵢ vanishes at the minimum.
        Rng rng = Rng.seeded(51);
        Frame x = LinearFixtures.gaussianFrame(rng, 150, 5, 1.0);
        Column y = LinearFixtures.linearClasses(rng, x, 2, 1.0);
        for (double c : new double[] {0.05, 1, 20}) {
            double s = 2.0;
            LinearSvmModel m = new LinearSvm(new LinearSvm.Params(LinearSvm.Loss.SQUARED_HINGE, c, 1e-10, 100000, true, s, 0))
                    .fit(x, y);
            double[] w = new double[6];
            System.arraycopy(m.coefficients()[0], 0, w, 0, 5);
            w[5] = m.intercepts()[0] / s;
            double[] gradient = w.clone();
            for (int i = 0; i < x.rowCount(); i++) {
                double sign = y.text(i).equals("c1") ? 1 : -1;
                double[] xi = new double[6];
                for (int j = 0; j < 5; j++) {
                    xi[j] = x.column(j).getDouble(i);
                }
                xi[5] = s;
                double margin = 1 - sign * dot(w, xi);
                if (margin > 0) {
                    for (int j = 0; j < 6; j++) {
                        gradient[j] -= 2 * c * sign * margin * xi[j];
                    }
                }
            }
            for (double g : gradient) {
                assertThat(g).as("C = %s", c).isCloseTo(0, within(1e-7 * Math.max(1, c)));
            }
        }
    }

    @Test
    void multiclassModelsHaveOneRowPerClassAndRepeatThemselves() {
        Standardized wine = Standardized.of(ParityData.WINE);
        LinearSvmModel a = new LinearSvm().fit(wine.train(), wine.trainTarget());
        LinearSvmModel b = new LinearSvm().fit(wine.train(), wine.trainTarget());
        assertThat(a.classes()).containsExactly("0", "1", "2");
        assertThat(a.coefficients()).hasNumberOfRows(3).isDeepEqualTo(b.coefficients());
        assertThat(a.intercepts()).containsExactly(b.intercepts());
        assertThat(a.predict(wine.test()).hasProbabilities()).isFalse();
        double[][] d = a.decisionFunction(wine.test());
        int[] labels = a.predict(wine.test()).labels();
        for (int i = 0; i < d.length; i++) {
            int best = 0;
            for (int k = 1; k < 3; k++) {
                best = d[i][k] > d[i][best] ? k : best;
            }
            assertThat(labels[i]).isEqualTo(best);
        }
    }

    @Test
    void withoutAnInterceptTheDecisionGoesThroughTheOrigin() {
        Rng rng = Rng.seeded(52);
        Frame x = LinearFixtures.gaussianFrame(rng, 60, 3, 1.0);
        LinearSvmModel m = new LinearSvm(new LinearSvm.Params(LinearSvm.Loss.SQUARED_HINGE, 1, 1e-4, 1000, false, 1, 0))
                .fit(x, LinearFixtures.linearClasses(rng, x, 2, 0.5));
        assertThat(m.intercepts()).containsExactly(0);
        double[][] d = m.decisionFunction(Frame.of(DoubleColumn.of("x0", 0), DoubleColumn.of("x1", 0), DoubleColumn.of("x2", 0)));
        assertThat(d[0][0]).isZero();
    }

    @Test
    void hyperparametersAreScikitLearnsAndChecked() {
        assertThat(LinearSvm.Params.defaults()).isEqualTo(new LinearSvm.Params(LinearSvm.Loss.SQUARED_HINGE, 1.0, 1e-4, 1000,
                true, 1.0, 0));
        assertThatThrownBy(() -> LinearSvm.Params.defaults().withC(0)).hasMessage("c must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> LinearSvm.Params.defaults().withTol(-1e-3)).hasMessage("tol must be a finite number > 0, got -0.001");
        assertThatThrownBy(() -> new LinearSvm.Params(LinearSvm.Loss.HINGE, 1, 1e-4, 1000, true, 0, 0))
                .hasMessage("interceptScaling must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> LinearSvm.Params.defaults().withLoss(null)).hasMessage("loss must be given");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}

package dev.kiln.learn.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.parity.ParityData;
import dev.kiln.learn.parity.StandardizedSplit;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvrTest {

    @Test
    void defaultsAreScikitLearns() {
        assertThat(Svr.Params.defaults())
                .isEqualTo(new Svr.Params(1.0, 0.1, Kernel.RBF, 3, Gamma.scale(), 0.0, true, 1e-3, 200, -1));
    }

    @Test
    void diabetesModelsAreScikitLearns() {
        // Xtr, ytr, Xte as StandardizedSplit prepares diabetes; scikit-learn 1.2.1:
        // for kw in [dict(), dict(C=100.0, epsilon=5.0), dict(kernel='linear', C=10.0, epsilon=2.0),
        //            dict(kernel='poly', degree=2, gamma='auto', coef0=1.0, C=20.0)]:
        //     m = SVR(**kw).fit(Xtr, ytr); len(m.support_), m.intercept_[0], np.abs(m.dual_coef_).sum(),
        //     m.predict(Xte[:4])
        StandardizedSplit s = StandardizedSplit.of(ParityData.DIABETES);
        check(s, Svr.Params.defaults(), 309, 140.97814362060925, 307.30768310251784,
                140.78433013132462, 118.83408293590927, 145.83436062232389, 125.47392340132161);
        check(s, new Svr.Params(100, 5, Kernel.RBF, 3, Gamma.scale(), 0, true, 1e-3, 200, -1), 287, 169.3330353010623,
                24011.421173315255, 202.38315139838156, 43.96724747507973, 169.7646016738299, 102.87483806405457);
        check(s, new Svr.Params(10, 2, Kernel.LINEAR, 3, Gamma.scale(), 0, true, 1e-3, 200, -1), 300,
                145.91283908874976, 2953.353413134776,
                156.90470225866815, 77.23621254273556, 175.31305813095864, 120.07170788581419);
        check(s, new Svr.Params(20, 0.1, Kernel.POLY, 2, Gamma.auto(), 1, true, 1e-3, 200, -1), 308, 136.35514588777895,
                5859.931471489717, 170.68492530864592, 63.26643076988853, 160.3274253780113, 118.0267407231967);
    }

    /**
     * With r_i = y_i − f(x_i) and β_i = α_i − α*_i: |β_i| ≤ C, Σβ = 0, and within the tolerance
     * |r_i| ≤ ε where β_i = 0, r_i = ε·sign(β_i) where 0 &lt; |β_i| &lt; C, r_i·sign(β_i) ≥ ε where |β_i| = C.
     */
    @Test
    void solutionsSatisfyTheOptimalityConditions() {
        Rng rng = Rng.seeded(31);
        int n = 150;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.nextGaussian();
            }
            if (i % 10 == 9) {
                x[i] = x[i - 1].clone();
            }
            y[i] = Math.sin(2 * x[i][0]) + x[i][1] * x[i][2] + 0.3 * rng.nextGaussian();
        }
        for (Svr.Params p : List.of(Svr.Params.defaults(),
                new Svr.Params(10, 0.3, Kernel.RBF, 3, Gamma.of(0.5), 0, false, 1e-4, 0.01, -1),
                new Svr.Params(0.5, 0.05, Kernel.LINEAR, 3, Gamma.scale(), 0, true, 1e-3, 200, -1),
                new Svr.Params(2, 0.2, Kernel.POLY, 3, Gamma.auto(), 1, true, 1e-3, 200, -1))) {
            SvrModel m = new Svr(p).fit(TestFrames.ofRows(x), DoubleColumn.of("y", y));
            double[] f = m.predict(TestFrames.ofRows(x)).values();
            double[] beta = new double[n];
            double sum = 0;
            for (int s = 0; s < m.supportIndices().length; s++) {
                beta[m.supportIndices()[s]] = m.dualCoefficients()[s];
                sum += m.dualCoefficients()[s];
                assertThat(Math.abs(m.dualCoefficients()[s])).isLessThanOrEqualTo(p.c());
            }
            assertThat(sum).isCloseTo(0, within(1e-9 * p.c() * n));
            double tol = p.tol() + 1e-4;
            for (int i = 0; i < n; i++) {
                double r = y[i] - f[i];
                double b = Math.abs(beta[i]);
                if (b == 0) {
                    assertThat(Math.abs(r)).as("%s row %d", p, i).isLessThanOrEqualTo(p.epsilon() + tol);
                } else if (b < p.c()) {
                    assertThat(r * Math.signum(beta[i])).as("%s row %d", p, i).isCloseTo(p.epsilon(), within(tol));
                } else {
                    assertThat(r * Math.signum(beta[i])).as("%s row %d", p, i).isGreaterThanOrEqualTo(p.epsilon() - tol);
                }
            }
        }
    }

    @Test
    void aTargetInsideTheTubeNeedsNoSupportVectors() {
        Frame x = Frame.of(DoubleColumn.of("a", 1, 2, 3, 4), DoubleColumn.of("b", 0, 1, 0, 1));
        SvrModel m = new Svr().fit(x, DoubleColumn.of("y", 5, 5.05, 4.95, 5));
        assertThat(m.supportIndices()).isEmpty();
        assertThat(m.supportVectors().rows()).isZero();
        assertThat(m.intercept()).isCloseTo(5, within(1e-12));
        assertThat(m.predict(x).values()).containsOnly(m.intercept());
    }

    @Test
    void refusesBadSettingsAndData() {
        assertThatThrownBy(() -> new Svr.Params(1, -0.1, Kernel.RBF, 3, Gamma.scale(), 0, true, 1e-3, 200, -1))
                .hasMessage("epsilon must be a finite number >= 0, got -0.1");
        assertThatThrownBy(() -> new Svr.Params(-1, 0.1, Kernel.RBF, 3, Gamma.scale(), 0, true, 1e-3, 200, -1))
                .hasMessage("c must be a finite number > 0, got -1.0");
        Frame x = Frame.of(DoubleColumn.of("a", 1, 2, 3));
        assertThatThrownBy(() -> new Svr().fit(x, DoubleColumn.of("y", 1, Double.NaN, 2)))
                .hasMessageContaining("the target 'y' has 1 missing values");
        SvrModel m = new Svr().fit(x, DoubleColumn.of("y", 1, 2, 3));
        assertThatThrownBy(() -> m.predict(Frame.of(DoubleColumn.of("a", Double.NaN))))
                .hasMessage("svm-regressor: column 'a' has 1 missing value; impute or drop them before predicting");
    }

    private static void check(StandardizedSplit s, Svr.Params params, int supportCount, double intercept,
                              double absDual, double... predictions) {
        SvrModel m = new Svr(params).fit(s.trainFeatures(), s.trainTarget());
        assertThat(m.supportIndices()).as("%s", params).hasSize(supportCount);
        assertThat(m.intercept()).as("%s", params).isCloseTo(intercept, within(1e-5 * Math.abs(intercept)));
        double abs = 0;
        for (double c : m.dualCoefficients()) {
            abs += Math.abs(c);
        }
        assertThat(abs).isCloseTo(absDual, within(1e-5 * absDual));
        double[] got = m.predict(s.testFeatures().take(new int[] {0, 1, 2, 3})).values();
        for (int i = 0; i < 4; i++) {
            assertThat(got[i]).isCloseTo(predictions[i], within(1e-5 * Math.abs(predictions[i])));
        }
    }
}

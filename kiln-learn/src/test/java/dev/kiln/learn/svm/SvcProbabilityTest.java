package dev.kiln.learn.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Cholesky;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.Vector;
import dev.kiln.core.metrics.ClassificationMetrics;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.learn.data.ClassTarget;
import dev.kiln.learn.parity.ParityData;
import dev.kiln.learn.parity.StandardizedSplit;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SvcProbabilityTest {

    @Test
    void plattSigmoidIsScikitLearns() {
        // scikit-learn 1.2.1 fits the same regularised objective by BFGS:
        // i = np.arange(40); f = 2 * np.sin(0.7 * i) + 0.3 * np.cos(1.3 * i)
        // y = (np.sin(0.5 * i + 0.2) + 0.5 * f > 0).astype(int)
        // sklearn.calibration._sigmoid_calibration(f, y) -> (-1.0957471091747344, -0.14488954028391368)
        double[] f = new double[40];
        boolean[] positive = new boolean[40];
        for (int i = 0; i < 40; i++) {
            f[i] = 2 * Math.sin(0.7 * i) + 0.3 * Math.cos(1.3 * i);
            positive[i] = Math.sin(0.5 * i + 0.2) + 0.5 * f[i] > 0;
        }
        double[] ab = PlattScaling.fit(f, positive);
        assertThat(ab[0]).isCloseTo(-1.0957471091747344, within(1e-4));
        assertThat(ab[1]).isCloseTo(-0.14488954028391368, within(1e-4));
        assertThat(PlattScaling.probability(2, ab[0], ab[1])).isCloseTo(1 / (1 + Math.exp(2 * ab[0] + ab[1])), within(1e-15));
        assertThat(PlattScaling.probability(-800, 1, 0)).isEqualTo(1.0);
        assertThat(PlattScaling.probability(800, 1, 0)).isEqualTo(0.0);
    }

    @Test
    void couplingRecoversConsistentPairwiseProbabilities() {
        double[] p = {0.5, 0.2, 0.25, 0.05};
        double[][] r = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                r[i][j] = i == j ? 0 : p[i] / (p[i] + p[j]);
            }
        }
        double[] got = PairwiseCoupling.couple(r);
        for (int i = 0; i < 4; i++) {
            assertThat(got[i]).isCloseTo(p[i], within(1e-3));
        }
    }

    @Test
    void couplingSolvesWuLinWengsQuadraticProgramForInconsistentEstimates() {
        double[][] r = {{0, 0.9, 0.6}, {0.1, 0, 0.3}, {0.4, 0.7, 0}};
        int k = 3;
        // min pᵀQp on Σp = 1: Q_tt = Σ_{j≠t} r_jt², Q_tj = −r_jt r_tj; Lagrange: [2Q e; eᵀ 0] [p; λ] = [0; 1],
        // solved here through the Schur complement: p = Q⁻¹e / (eᵀQ⁻¹e).
        Matrix q = Matrix.from(k, k, (t, j) -> {
            if (t != j) {
                return -r[j][t] * r[t][j];
            }
            double s = 0;
            for (int u = 0; u < k; u++) {
                s += u == t ? 0 : r[u][t] * r[u][t];
            }
            return s;
        });
        Vector z = Cholesky.of(q).solve(Vector.from(k, i -> 1.0));
        double total = z.sum();
        double[] got = PairwiseCoupling.couple(r);
        for (int t = 0; t < k; t++) {
            assertThat(got[t]).isCloseTo(z.get(t) / total, within(2e-3));
        }
    }

    @ParameterizedTest
    @CsvSource({"IRIS, 0.1065", "WINE, 0.0868", "BREAST_CANCER, 0.0801", "DIGITS, 0.1169"})
    void probabilitiesAreAsGoodAsScikitLearns(ParityData data, double worstLogLoss) {
        // The largest test log loss of SVC(probability=True, random_state=rs) over rs in range(10) on the
        // split StandardizedSplit prepares (scikit-learn 1.2.1; its folds are drawn differently from Kiln's):
        // max(log_loss(yte, SVC(probability=True, random_state=rs).fit(Xtr, ytr).predict_proba(Xte)) for rs in range(10))
        StandardizedSplit s = StandardizedSplit.of(data);
        SvcModel m = new Svc(Svc.Params.defaults().withProbability(true)).fit(s.trainFeatures(), s.trainTarget());
        ClassificationPrediction p = m.predict(s.testFeatures());
        double[][] proba = p.probabilities();
        for (double[] row : proba) {
            assertThat(java.util.Arrays.stream(row).sum()).isCloseTo(1, within(1e-9));
        }
        int[] truth = ClassTarget.of(s.testTarget(), s.testTarget().size(), "test").codes();
        assertThat(ClassificationMetrics.logLoss(truth, proba)).isLessThanOrEqualTo(worstLogLoss + 0.01);
        assertThat(m.probA()).hasSize(m.intercepts().length);
        assertThat(java.util.Arrays.stream(m.probA()).max().orElseThrow()).isNegative();
    }

    @Test
    void votesTieToTheFirstClassUnlessTiesAreBrokenByConfidence() {
        // One feature, one support vector per class, a linear kernel: at x = 0 every kernel value is 0, so
        // f_ij = −ρ_ij = (1, −1, 3) for the pairs (0,1), (0,2), (1,2): one vote each. libsvm picks class 0;
        // the OVR values are 1 + 0/3, 1 + 2/9, 1 − 2/9 (votes + s/(3(|s| + 1)), s = (0, 2, −2)), so class 1.
        Svc.Params plain = Svc.Params.defaults().withKernel(Kernel.LINEAR);
        Svc.Params breaking = new Svc.Params(1, Kernel.LINEAR, 3, Gamma.scale(), 0, true, false, 1e-3, 200, -1,
                DecisionShape.OVR, true, 0);
        Frame origin = Frame.of(DoubleColumn.of("x", 0));
        for (Svc.Params p : List.of(plain, breaking)) {
            SvcModel m = new SvcModel(p, origin.schema(), List.of("a", "b", "c"), 1.0,
                    new double[] {1, 2, 3}, new int[] {0, 1, 2}, new int[] {1, 1, 1}, new double[] {1, -1, 1, 1, -1, -1},
                    new double[] {-1, 1, -3}, new double[0], new double[0]);
            assertThat(m.predict(origin).label(0)).isEqualTo(p.breakTies() ? "b" : "a");
            assertThat(m.decisionFunction(origin).row(0).toArray())
                    .containsExactly(new double[] {1, 1 + 2.0 / 9, 1 - 2.0 / 9}, within(1e-15));
        }
    }
}

package dev.kiln.learn.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.parity.ParityData;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
    private static final LogisticRegression.Params TIGHT = LogisticRegression.Params.defaults().withTol(1e-10).withMaxIter(10000);

    @Test
    void lbfgsMatchesScikitLearnOnBinaryAndMultinomialProblems() {
        // Reference: scikit-learn 1.2.1 on the standardised training rows (Standardized's prep snippet):
        //   Xtr, ytr, Xte, yte = prep("breast_cancer", "target")
        //   m = LogisticRegression(tol=1e-10, max_iter=10000).fit(Xtr, ytr); print(repr(m.coef_[0][:5]), repr(m.intercept_))
        //   Xtr, ytr, Xte, yte = prep("iris", "target")
        //   m = LogisticRegression(tol=1e-10, max_iter=10000).fit(Xtr, ytr); print(repr(m.coef_), repr(m.intercept_), m.n_iter_)
        Standardized cancer = Standardized.of(ParityData.BREAST_CANCER);
        LogisticRegressionModel b = new LogisticRegression(TIGHT).fit(cancer.train(), cancer.trainTarget());
        ElasticNetTest.assertClose(java.util.Arrays.copyOf(b.coefficients()[0], 5), new double[] {-0.3687409629025427,
            -0.6531694616046602, -0.3699352737895787, -0.4499199919906831, -0.11586065088679977}, 1e-6);
        assertThat(b.intercepts()[0]).isCloseTo(0.24585102088509808, within(1e-6));
        Standardized iris = Standardized.of(ParityData.IRIS);
        LogisticRegressionModel m = new LogisticRegression(TIGHT).fit(iris.train(), iris.trainTarget());
        assertRows(m, new double[][] {
            {-0.9881702764267771, 1.1390204409536855, -1.6701278484681026, -1.6211115568490408},
            {0.3120478737951363, -0.389745722593244, -0.2699552678258135, -0.5944633385266509},
            {0.6761224026316429, -0.7492747183604422, 1.940083116293918, 2.2155748953756937}},
                new double[] {-0.1902672716101918, 1.850779444076845, -1.6605121724666538}, 1e-6);
    }

    @Test
    void theProximalSolverReachesSagasOptimumForL1AndElasticNet() {
        // Reference: scikit-learn 1.2.1 (saga run to tol=1e-10) on the standardised training rows:
        //   Xtr, ytr, Xte, yte = prep("iris", "target")
        //   m = LogisticRegression(penalty="l1", solver="saga", C=0.5, tol=1e-10, max_iter=100000).fit(Xtr, ytr)
        //   m = LogisticRegression(penalty="elasticnet", l1_ratio=0.3, solver="saga", C=0.5, tol=1e-10, max_iter=100000).fit(Xtr, ytr)
        //   Xtr, ytr, Xte, yte = prep("breast_cancer", "target")
        //   m = LogisticRegression(penalty="l1", solver="saga", C=0.1, tol=1e-10, max_iter=100000).fit(Xtr, ytr)
        //   print(repr(m.coef_), repr(m.intercept_))
        Standardized iris = Standardized.of(ParityData.IRIS);
        LogisticRegressionModel l1 = new LogisticRegression(TIGHT.withPenalty(Penalty.L1).withC(0.5)).fit(iris.train(), iris.trainTarget());
        assertRows(l1, new double[][] {{0, 0.7070303429476981, -3.5060910707888944, 0}, {0, 0, 0, 0},
            {0, 0, 2.391244947925863, 2.8732509502858306}},
                new double[] {-0.15642457262134418, 1.744196541126146, -1.5877719685048082}, 1e-6);
        LogisticRegressionModel en = new LogisticRegression(TIGHT.withElasticNet(0.3).withC(0.5)).fit(iris.train(), iris.trainTarget());
        assertRows(en, new double[][] {
            {-0.709544603392283, 0.9441533429389262, -1.3704858528732589, -1.2901433936199747},
            {0, -0.1952736441767851, 0, -0.20405855668626616},
            {0.44243258358326815, -0.320308273575461, 1.5518362463381805, 1.9227733752669898}},
                new double[] {-0.2653600186388899, 1.4266434089613276, -1.1612833903224429}, 1e-6);
        Standardized cancer = Standardized.of(ParityData.BREAST_CANCER);
        LogisticRegressionModel sparse = new LogisticRegression(TIGHT.withPenalty(Penalty.L1).withC(0.1))
                .fit(cancer.train(), cancer.trainTarget());
        double[] expected = new double[30];
        expected[1] = -0.2317993964260438;
        expected[7] = -0.1766370608210344;
        expected[10] = -0.3483233598284956;
        expected[20] = -1.9098447886717915;
        expected[21] = -0.37708608827104667;
        expected[27] = -1.2772307758194705;
        expected[28] = -0.2075519101556016;
        assertRows(sparse, new double[][] {expected}, new double[] {0.6650942700300001}, 1e-6);
        for (int j = 0; j < 30; j++) {
            assertThat(sparse.coefficients()[0][j] == 0).as("coefficient %d is zero", j).isEqualTo(expected[j] == 0);
        }
    }

    @Test
    void penalisedSolutionsSatisfyTheOptimalityConditions() {
        // At the minimum of C·Σ log-loss + λ₁‖W‖₁ + ½λ₂‖W‖², with G = C·(P − Y)ᵀX + λ₂W:
        // G = −λ₁·sign(w) where w ≠ 0, |G| ≤ λ₁ where w = 0, and the intercept gradients C·Σ(P − Y) vanish.
        Rng rng = Rng.seeded(62);
        Frame x = LinearFixtures.gaussianFrame(rng, 150, 6, 1.0);
        for (int classes : new int[] {2, 3}) {
            Column y = LinearFixtures.linearClasses(rng, x, classes, 1.5);
            for (LogisticRegression.Params p : List.of(TIGHT, TIGHT.withPenalty(Penalty.NONE), TIGHT.withPenalty(Penalty.L1).withC(0.2),
                    TIGHT.withElasticNet(0.6).withC(0.3))) {
                LogisticRegressionModel m = new LogisticRegression(p).fit(x, y);
                double l1 = switch (p.penalty()) {
                    case L1 -> 1;
                    case ELASTICNET -> p.l1Ratio();
                    default -> 0;
                };
                double l2 = switch (p.penalty()) {
                    case L2 -> 1;
                    case ELASTICNET -> 1 - p.l1Ratio();
                    default -> 0;
                };
                assertOptimal(m, x, y, p.c(), l1, l2);
            }
        }
    }

    @Test
    void probabilitiesAreTheSoftmaxOfTheDecisionValues() {
        Standardized wine = Standardized.of(ParityData.WINE);
        LogisticRegressionModel m = new LogisticRegression().fit(wine.train(), wine.trainTarget());
        ClassificationPrediction p = m.predict(wine.test());
        double[][] d = m.decisionFunction(wine.test());
        for (int i = 0; i < p.size(); i++) {
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += Math.exp(d[i][k]);
            }
            for (int k = 0; k < 3; k++) {
                assertThat(p.probabilities(i)[k]).isCloseTo(Math.exp(d[i][k]) / sum, within(1e-14));
            }
            assertThat(p.classIndex(i)).isEqualTo(argmax(p.probabilities(i)));
        }
        Standardized cancer = Standardized.of(ParityData.BREAST_CANCER);
        LogisticRegressionModel b = new LogisticRegression().fit(cancer.train(), cancer.trainTarget());
        ClassificationPrediction pb = b.predict(cancer.test());
        double[][] db = b.decisionFunction(cancer.test());
        for (int i = 0; i < pb.size(); i++) {
            assertThat(pb.probabilities(i)[1]).isCloseTo(1 / (1 + Math.exp(-db[i][0])), within(1e-15));
            assertThat(pb.probabilities(i)[0] + pb.probabilities(i)[1]).isCloseTo(1, within(1e-15));
            assertThat(pb.classIndex(i)).isEqualTo(db[i][0] > 0 ? 1 : 0);
        }
    }

    @Test
    void defaultsStopAtTheIterationLimitLikeScikitLearn() {
        // scikit-learn's lbfgs takes 20 iterations on the standardised iris training rows with the defaults
        // (LogisticRegression().fit(Xtr, ytr).n_iter_ == [20]); the same algorithm and stopping rule here.
        Standardized iris = Standardized.of(ParityData.IRIS);
        LogisticRegressionModel m = new LogisticRegression().fit(iris.train(), iris.trainTarget());
        assertThat(m.iterations()).isBetween(15, 25);
        LogisticRegressionModel capped = new LogisticRegression(LogisticRegression.Params.defaults().withMaxIter(3))
                .fit(iris.train(), iris.trainTarget());
        assertThat(capped.iterations()).isEqualTo(3);
    }

    @Test
    void hyperparametersAreScikitLearnsAndChecked() {
        assertThat(LogisticRegression.Params.defaults()).isEqualTo(new LogisticRegression.Params(Penalty.L2, 1.0, null, true, 100, 1e-4));
        assertThatThrownBy(() -> LogisticRegression.Params.defaults().withPenalty(Penalty.ELASTICNET))
                .hasMessage("l1Ratio must be given with the ELASTICNET penalty (a number in [0, 1])");
        assertThatThrownBy(() -> LogisticRegression.Params.defaults().withElasticNet(1.2)).hasMessage("l1Ratio must be in [0, 1], got 1.2");
        assertThatThrownBy(() -> LogisticRegression.Params.defaults().withC(-1)).hasMessage("c must be a finite number > 0, got -1.0");
        assertThatThrownBy(() -> LogisticRegression.Params.defaults().withMaxIter(0)).hasMessage("maxIter must be >= 1, got 0");
        assertThatThrownBy(() -> LogisticRegression.Params.defaults().withTol(0)).hasMessage("tol must be a finite number > 0, got 0.0");
    }

    private static void assertRows(LogisticRegressionModel m, double[][] coefficients, double[] intercepts, double tolerance) {
        for (int k = 0; k < coefficients.length; k++) {
            ElasticNetTest.assertClose(m.coefficients()[k], coefficients[k], tolerance);
        }
        ElasticNetTest.assertClose(m.intercepts(), intercepts, tolerance);
    }

    /** Checks the optimality conditions of the penalised log-likelihood, recomputing the gradient from scratch. */
    private static void assertOptimal(LogisticRegressionModel m, Frame x, Column y, double c, double l1, double l2) {
        int n = x.rowCount();
        int p = x.columnCount();
        List<String> classes = m.classes();
        int rows = classes.size() == 2 ? 1 : classes.size();
        double[][] w = m.coefficients();
        double[][] prob = m.predict(x).probabilities();
        double[][] g = new double[rows][p];
        double[] gb = new double[rows];
        for (int i = 0; i < n; i++) {
            int yi = classes.indexOf(y.text(i));
            for (int k = 0; k < rows; k++) {
                int cls = rows == 1 ? 1 : k;
                double r = c * (prob[i][cls] - (yi == cls ? 1 : 0));
                gb[k] += r;
                for (int j = 0; j < p; j++) {
                    g[k][j] += r * x.column(j).getDouble(i);
                }
            }
        }
        double scale = 1e-5 * Math.max(1, c * n);
        for (int k = 0; k < rows; k++) {
            assertThat(gb[k]).as("intercept %d", k).isCloseTo(0, within(scale));
            for (int j = 0; j < p; j++) {
                double gj = g[k][j] + l2 * w[k][j];
                if (w[k][j] != 0) {
                    assertThat(gj).as("row %d feature %d", k, j).isCloseTo(-l1 * Math.signum(w[k][j]), within(scale));
                } else {
                    assertThat(Math.abs(gj)).as("row %d feature %d at zero", k, j).isLessThanOrEqualTo(l1 + scale);
                }
            }
        }
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            best = v[k] > v[best] ? k : best;
        }
        return best;
    }
}

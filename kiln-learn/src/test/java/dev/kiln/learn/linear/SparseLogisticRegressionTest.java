package dev.kiln.learn.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.CsrMatrix;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.parity.ParityData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Logistic regression on CSR features reaches the same optimum as on dense ones, and scikit-learn's. */
class SparseLogisticRegressionTest {
    private static final LogisticRegression.Params TIGHT = LogisticRegression.Params.defaults().withTol(1e-10).withMaxIter(10000);

    private static CsrMatrix sparse(Frame x) {
        return CsrMatrix.of(NumericInput.features(x, "test"));
    }

    @Test
    void sparseFitsReachScikitLearnsCoefficients() {
        // Reference: the scikit-learn 1.2.1 figures of LogisticRegressionTest (same rows, same settings).
        Standardized iris = Standardized.of(ParityData.IRIS);
        LogisticRegressionModel m = new LogisticRegression(TIGHT).fit(sparse(iris.train()), iris.train().names(), iris.trainTarget());
        double[][] expected = {
            {-0.9881702764267771, 1.1390204409536855, -1.6701278484681026, -1.6211115568490408},
            {0.3120478737951363, -0.389745722593244, -0.2699552678258135, -0.5944633385266509},
            {0.6761224026316429, -0.7492747183604422, 1.940083116293918, 2.2155748953756937}};
        for (int k = 0; k < 3; k++) {
            ElasticNetTest.assertClose(m.coefficients()[k], expected[k], 1e-6);
        }
        ElasticNetTest.assertClose(m.intercepts(), new double[] {-0.1902672716101918, 1.850779444076845, -1.6605121724666538}, 1e-6);

        Standardized cancer = Standardized.of(ParityData.BREAST_CANCER);
        LogisticRegressionModel b = new LogisticRegression(TIGHT).fit(sparse(cancer.train()), cancer.train().names(), cancer.trainTarget());
        ElasticNetTest.assertClose(java.util.Arrays.copyOf(b.coefficients()[0], 5), new double[] {-0.3687409629025427,
            -0.6531694616046602, -0.3699352737895787, -0.4499199919906831, -0.11586065088679977}, 1e-6);
    }

    @Test
    void sparseL1ReachesTheDenseOptimum() {
        // Reference: scikit-learn 1.2.1 saga, LogisticRegressionTest's breast_cancer L1 figures (C = 0.1).
        Standardized cancer = Standardized.of(ParityData.BREAST_CANCER);
        LogisticRegressionModel m = new LogisticRegression(TIGHT.withPenalty(Penalty.L1).withC(0.1))
                .fit(sparse(cancer.train()), cancer.train().names(), cancer.trainTarget());
        double[] expected = new double[30];
        expected[1] = -0.2317993964260438;
        expected[7] = -0.1766370608210344;
        expected[10] = -0.3483233598284956;
        expected[20] = -1.9098447886717915;
        expected[21] = -0.37708608827104667;
        expected[27] = -1.2772307758194705;
        expected[28] = -0.2075519101556016;
        ElasticNetTest.assertClose(m.coefficients()[0], expected, 1e-5);
    }

    /** Random sparse data: the sparse and dense fits and their predictions agree. */
    @Test
    void sparseAndDenseAgreeOnRandomSparseData() {
        Rng rng = Rng.seeded(5);
        int n = 300;
        int p = 40;
        Matrix x = Matrix.zeros(n, p);
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                if (rng.nextDouble() < 0.1) {
                    x.set(i, j, 1 + rng.nextDouble());
                    s += j % 3 == 0 ? x.get(i, j) : -0.3 * x.get(i, j);
                }
            }
            labels[i] = s + 0.5 * rng.nextGaussian() > 0 ? "pos" : s > -1 ? "mid" : "neg";
        }
        List<DoubleColumn> columns = new java.util.ArrayList<>();
        for (int j = 0; j < p; j++) {
            columns.add(DoubleColumn.of("x" + j, x.column(j).toArray()));
        }
        Frame dense = Frame.of(columns);
        Column y = CategoricalColumn.of("y", labels);
        LogisticRegressionModel d = new LogisticRegression(TIGHT).fit(dense, y);
        CsrMatrix sx = CsrMatrix.of(x);
        LogisticRegressionModel s = new LogisticRegression(TIGHT).fit(sx, dense.names(), y);
        for (int k = 0; k < 3; k++) {
            ElasticNetTest.assertClose(s.coefficients()[k], d.coefficients()[k], 1e-6);
        }
        ClassificationPrediction pd = d.predict(dense);
        ClassificationPrediction ps = s.predict(sx);
        assertThat(ps.labels()).isEqualTo(pd.labels());
        for (int i = 0; i < n; i++) {
            ElasticNetTest.assertClose(ps.probabilities()[i], pd.probabilities()[i], 1e-6);
        }
    }

    @Test
    void badSparseInputIsNamed() {
        CsrMatrix x = new CsrMatrix.Builder(2).add(0, 1).endRow().add(1, Double.NaN).endRow().build();
        Column y = CategoricalColumn.of("y", "a", "b");
        assertThatThrownBy(() -> new LogisticRegression().fit(x, List.of("good", "bad"), y))
                .hasMessageContaining("'bad'").hasMessageContaining("finite");
        assertThatThrownBy(() -> new LogisticRegression().fit(x, List.of("one"), y)).hasMessageContaining("1 feature names for 2 columns");
        LogisticRegressionModel m = new LogisticRegression().fit(new CsrMatrix.Builder(2).add(0, 1).endRow().add(1, 1).endRow().build(),
                List.of("good", "bad"), y);
        assertThatThrownBy(() -> m.predict(new CsrMatrix.Builder(3).endRow().build())).hasMessageContaining("3 columns");
    }
}

package dev.kiln.learn.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.learn.parity.ParityData;
import dev.kiln.learn.parity.StandardizedSplit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The C-SVC against scikit-learn 1.2.1 (libsvm 3.x inside). X, y below are iris.csv's four
 * feature columns and its target, unscaled: {@code iris = pd.read_csv('iris.csv');
 * X = iris.iloc[:, :4].to_numpy(float); y = iris['target'].to_numpy()}.
 */
class SvcTest {
    private static final Frame IRIS = CsvReader.read(Path.of("src/test/resources/datasets/iris/iris.csv"))
            .drop("target_name");
    private static final int[] ROWS = {0, 50, 70, 83, 100, 133};

    @Test
    void defaultsAreScikitLearns() {
        Svc.Params d = Svc.Params.defaults();
        assertThat(d).isEqualTo(new Svc.Params(1.0, Kernel.RBF, 3, Gamma.scale(), 0.0, true, false, 1e-3, 200, -1,
                DecisionShape.OVR, false, 0));
    }

    @Test
    void irisModelIsScikitLearns() {
        // m = SVC().fit(X, y): m.n_support_, m.support_, m.intercept_, m._gamma,
        // np.abs(m.dual_coef_).sum(1), m.dual_coef_[:, :3]
        SvcModel m = new Svc().fit(IRIS, "target");
        assertThat(m.gamma()).isCloseTo(0.06416744863614975, within(1e-15));
        assertThat(m.supportCounts()).containsExactly(7, 29, 24);
        assertThat(m.supportIndices()).containsExactly(18, 20, 23, 24, 25, 41, 44, 50, 51, 52, 54, 55, 56, 57, 58, 63,
                64, 66, 68, 70, 72, 73, 75, 76, 77, 78, 79, 83, 84, 85, 86, 87, 90, 91, 93, 98, 101, 106, 110, 111, 113,
                116, 119, 121, 123, 126, 127, 129, 131, 133, 134, 137, 138, 139, 141, 142, 145, 146, 147, 149);
        double[] intercepts = {0.1263169546904858, -0.06446388127928576, -0.10704314708709724};
        for (int p = 0; p < 3; p++) {
            assertThat(m.intercepts()[p]).isCloseTo(intercepts[p], within(1e-6));
        }
        Matrix dual = m.dualCoefficients();
        assertThat(absRowSum(dual, 0)).isCloseTo(10.80738765589955, within(1e-5));
        assertThat(absRowSum(dual, 1)).isCloseTo(48.02409425439197, within(1e-5));
        assertThat(dual.get(0, 1)).isCloseTo(0.3169291682042101, within(1e-6));
        assertThat(dual.get(0, 2)).isEqualTo(1.0);
        assertThat(dual.get(1, 0)).isCloseTo(0.2681080283454389, within(1e-6));
        assertThat(m.supportVectors().row(0).toArray()).containsExactly(IRIS.drop("target").toMatrix().row(18).toArray());
    }

    @Test
    void decisionFunctionsAreScikitLearns() {
        // m.decision_function(X[[0, 50, 70, 83, 100, 133]]) for SVC() and SVC(decision_function_shape='ovo')
        double[][] ovr = {{2.2354374928528697, 1.1609625536715076, -0.2565070925553607},
            {-0.2239169501893481, 2.2157047411322712, 1.0584619187857636},
            {-0.23404069355294213, 2.1968698989492683, 1.1592164854034797},
            {-0.24059355651912445, 1.1875727453304665, 2.188872564482281},
            {-0.23422335072927672, 0.8447835444404703, 2.2546185385949817},
            {-0.23838902690651448, 1.1927360498455357, 2.177569547293163}};
        double[][] ovo = {{1.2640285386413153, 1.140950995702165, 2.1978443163926262},
            {-1.1787018081618785, -0.8677645779065326, 0.6550763328156771},
            {-1.3820352189211311, -0.9750447627429437, 0.060621561907013996},
            {-1.513268213438216, -1.081018346050922, -0.22641318698362262},
            {-1.13327740164187, -1.22998959301594, -2.0047077652295595},
            {-1.4487898790096656, -1.0620402684543095, -0.07795222792330499}};
        Frame rows = IRIS.take(ROWS).drop("target");
        Matrix gotOvr = new Svc().fit(IRIS, "target").decisionFunction(rows);
        Svc.Params p = Svc.Params.defaults();
        Matrix gotOvo = new Svc(new Svc.Params(p.c(), p.kernel(), p.degree(), p.gamma(), p.coef0(), true, false, p.tol(),
                p.cacheSize(), -1, DecisionShape.OVO, false, 0)).fit(IRIS, "target").decisionFunction(rows);
        for (int i = 0; i < ROWS.length; i++) {
            for (int c = 0; c < 3; c++) {
                assertThat(gotOvr.get(i, c)).isCloseTo(ovr[i][c], within(1e-6));
                assertThat(gotOvo.get(i, c)).isCloseTo(ovo[i][c], within(1e-6));
            }
        }
    }

    @Test
    void everyKernelAsScikitLearn() {
        // for kw in [dict(kernel='linear'), dict(kernel='poly', gamma='auto', coef0=1.0),
        //            dict(kernel='sigmoid', gamma=0.05, coef0=-1.0, C=0.5), dict(kernel='rbf', gamma=2.0, C=10.0)]:
        //     m = SVC(**kw).fit(X, y); m.n_support_, m.intercept_, m.score(X, y)
        Svc.Params d = Svc.Params.defaults();
        check(d.withKernel(Kernel.LINEAR), new int[] {3, 12, 12},
                new double[] {1.4528444969775751, 1.5077131251781049, 6.780971185110271}, 0.9933333333333333);
        check(new Svc.Params(1.0, Kernel.POLY, 3, Gamma.auto(), 1.0, true, false, 1e-3, 200, -1, DecisionShape.OVR,
                false, 0), new int[] {4, 5, 7}, new double[] {1.1480658616650123, 1.1990279212370833, 7.235349975622697}, 0.98);
        check(new Svc.Params(0.5, Kernel.SIGMOID, 3, Gamma.of(0.05), -1.0, true, false, 1e-3, 200, -1,
                DecisionShape.OVR, false, 0), new int[] {49, 50, 50},
                new double[] {3.3688418716192245, 3.748361513018608, 0.5283589959144592}, 0.06666666666666667);
        check(d.withGamma(Gamma.of(2.0)).withC(10.0), new int[] {14, 22, 23},
                new double[] {-0.14599854629439463, -0.32111272034470434, -0.2281346770146422}, 0.9933333333333333);
    }

    @Test
    void binaryModelIsScikitLearnsOnTheBreastCancerSplit() {
        // Xtr, ytr, Xte as StandardizedSplit prepares breast_cancer; m = SVC().fit(Xtr, ytr):
        // m.n_support_, m.intercept_[0], m.dual_coef_.sum(), np.abs(m.dual_coef_).sum(), m.support_[:8],
        // m.decision_function(Xte[:5])
        StandardizedSplit s = StandardizedSplit.of(ParityData.BREAST_CANCER);
        SvcModel m = new Svc().fit(s.trainFeatures(), s.trainTarget());
        assertThat(m.supportCounts()).containsExactly(53, 53);
        assertThat(m.intercepts()[0]).isCloseTo(-0.22417925729671925, within(1e-6));
        Matrix dual = m.dualCoefficients();
        assertThat(dual.rows()).isEqualTo(1);
        assertThat(absRowSum(dual, 0)).isCloseTo(71.45947930641341, within(1e-5));
        assertThat(dual.row(0).sum()).isCloseTo(0, within(1e-12));
        assertThat(java.util.Arrays.copyOf(m.supportIndices(), 8)).containsExactly(2, 4, 6, 7, 9, 17, 19, 27);
        double[] dec = {-0.8732228769330492, -2.5051951923176015, -0.6155870568063382, -0.3615465218576503,
            -1.8076770624997616};
        Matrix got = m.decisionFunction(s.testFeatures().take(new int[] {0, 1, 2, 3, 4}));
        for (int i = 0; i < 5; i++) {
            assertThat(got.get(i, 0)).isCloseTo(dec[i], within(1e-6));
        }
    }

    @Test
    void anIterationLimitStopsTheSolverEarlyWithAUsableModel() {
        Svc.Params d = Svc.Params.defaults();
        Svc.Params limited = new Svc.Params(d.c(), d.kernel(), d.degree(), d.gamma(), d.coef0(), d.shrinking(), false,
                d.tol(), d.cacheSize(), 3, DecisionShape.OVR, false, 0);
        SvcModel full = new Svc().fit(IRIS, "target");
        SvcModel early = new Svc(limited).fit(IRIS, "target");
        assertThat(early.supportIndices().length).isLessThan(full.supportIndices().length);
        assertThat(early.predict(IRIS.drop("target")).labels()).hasSize(150);
    }

    @Test
    void refusesBadSettingsAndData() {
        Svc.Params d = Svc.Params.defaults();
        assertThatThrownBy(() -> d.withC(0)).hasMessage("c must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> Gamma.of(-1)).hasMessage("gamma must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> new Svc.Params(1, Kernel.POLY, -1, Gamma.scale(), 0, true, false, 1e-3, 200, -1,
                DecisionShape.OVR, false, 0)).hasMessage("degree must be >= 0, got -1");
        assertThatThrownBy(() -> new Svc.Params(1, Kernel.RBF, 3, Gamma.scale(), 0, true, false, 0, 200, -1,
                DecisionShape.OVR, false, 0)).hasMessage("tol must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> new Svc.Params(1, Kernel.RBF, 3, Gamma.scale(), 0, true, false, 1e-3, 0, -1,
                DecisionShape.OVR, false, 0)).hasMessage("cacheSize must be a finite number of MB > 0, got 0.0");
        assertThatThrownBy(() -> new Svc.Params(1, Kernel.RBF, 3, Gamma.scale(), 0, true, false, 1e-3, 200, 0,
                DecisionShape.OVR, false, 0)).hasMessage("maxIter must be -1 (no limit of its own) or >= 1, got 0");
        assertThatThrownBy(() -> new Svc.Params(1, Kernel.RBF, 3, Gamma.scale(), 0, true, false, 1e-3, 200, -1,
                DecisionShape.OVO, true, 0)).hasMessage("breakTies must be false when decisionFunctionShape is OVO");
        Frame x = Frame.of(DoubleColumn.of("a", 0, 1, 2, 3));
        Column y = TextColumn.of("y", "u", "v", "u", "v");
        assertThatThrownBy(() -> new Svc().fit(x, TextColumn.of("y", "u", "u", "u", "u")))
                .hasMessageContaining("has only one class ('u')");
        assertThatThrownBy(() -> new Svc().fit(x.withColumn(TextColumn.of("t", "a", "b", "c", "d")), y))
                .hasMessageContaining("column 't' is text");
        SvcModel m = new Svc().fit(x, y);
        assertThatThrownBy(() -> m.predict(Frame.of(DoubleColumn.of("a", Double.NaN))))
                .hasMessage("svm-classifier: column 'a' has 1 missing value; impute or drop them before predicting");
        assertThat(m.predict(x).hasProbabilities()).isFalse();
    }

    private static void check(Svc.Params params, int[] counts, double[] intercepts, double accuracy) {
        SvcModel m = new Svc(params).fit(IRIS, "target");
        assertThat(m.supportCounts()).as("%s", params.kernel()).containsExactly(counts);
        for (int p = 0; p < 3; p++) {
            assertThat(m.intercepts()[p]).as("%s", params.kernel()).isCloseTo(intercepts[p], within(1e-5));
        }
        int[] predicted = m.predict(IRIS.drop("target")).labels();
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            right += m.classes().get(predicted[i]).equals(IRIS.column("target").text(i)) ? 1 : 0;
        }
        assertThat(right / 150.0).isEqualTo(accuracy);
    }

    private static double absRowSum(Matrix m, int row) {
        double s = 0;
        for (int j = 0; j < m.cols(); j++) {
            s += Math.abs(m.get(row, j));
        }
        return s;
    }
}

package dev.kiln.learn.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.learn.linear.LinearRegression;
import dev.kiln.learn.preprocess.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {
    private static final Frame IRIS = TestData.read("iris");
    private static final Frame IRIS_X = IRIS.drop("target", "target_name");
    private static final Column IRIS_Y = IRIS.column("target");
    private static final Frame DIABETES = TestData.read("diabetes");
    private static final Frame DIABETES_X = DIABETES.drop("target");
    private static final Column DIABETES_Y = DIABETES.column("target");

    // ir = pd.read_csv('iris/iris.csv'); X = ir.iloc[:, :4].to_numpy(); y = ir['target'].to_numpy()
    // F, P = f_classif(X, y)
    @Test
    void anovaFMatchesScikitLearnOnIris() {
        FeatureScores s = ScoreFunction.F_CLASSIF.score(IRIS_X, IRIS_Y, 0);
        assertRelative(s.scores(), new double[] {119.26450218449871, 49.16004008961098, 1180.1611822529776, 960.0071468018025}, 1e-11);
        assertRelative(s.pValues(), new double[] {1.6696691907731882e-31, 4.4920171333119905e-17, 2.8567766109621302e-91,
            4.1694458394450892e-85}, 1e-9);
    }

    // C, P = chi2(X, y)
    @Test
    void chiSquaredMatchesScikitLearnOnIris() {
        FeatureScores s = ScoreFunction.CHI2.score(IRIS_X, IRIS_Y, 0);
        assertRelative(s.scores(), new double[] {10.817820878494008, 3.710728303532498, 116.31261309207032, 67.04836020011122}, 1e-12);
        assertRelative(s.pValues(), new double[] {4.4765149902257547e-03, 1.5639598043162506e-01, 5.5339722771937050e-26,
            2.7582496530033412e-15}, 1e-9);
    }

    // g = pd.read_csv('german_credit/german_credit.csv'); gn = g.select_dtypes('number')
    // chi2(gn.to_numpy(float), g['class']); f_classif(gn.to_numpy(float), g['class'])
    @Test
    void chiSquaredAndAnovaMatchScikitLearnOnGermanCreditWithAStringTarget() {
        Frame g = TestData.read("german_credit");
        Frame x = g.select("duration", "credit_amount", "installment_commitment", "residence_since", "age", "existing_credits",
                "num_dependents");
        FeatureScores chi = ScoreFunction.CHI2.score(x, g.column("class"), 0);
        assertRelative(chi.scores(), new double[] {3.2103079530621028e+02, 5.8262490006917084e+04, 2.2046193519452841e+00,
            3.7660055234744255e-03, 3.0200309190237782e+01, 4.9551561918299514e-01, 1.0307153164296021e-03}, 1e-10);
        assertRelative(chi.pValues(), new double[] {8.6371968340393201e-72, 0, 1.3759785485683243e-01, 9.5106630466798336e-01,
            3.8964734458978639e-08, 4.8147717528623302e-01, 9.7438851114144653e-01}, 1e-9);
        FeatureScores f = ScoreFunction.F_CLASSIF.score(x, g.column("class"), 0);
        assertRelative(f.scores(), new double[] {4.833379013278894e+01, 2.448236587628224e+01, 5.259417069804338e+00,
            8.786500367455853e-03, 8.356994513185738e+00, 2.091652268267933e+00, 9.071242887395496e-03}, 1e-10);
        assertRelative(f.pValues(), new double[] {6.4880498771879956e-12, 8.7975723735321848e-07, 2.2035486306958355e-02,
            9.2533742129556196e-01, 3.9253393982740274e-03, 1.4841978608040368e-01, 9.2414087809976408e-01}, 1e-9);
    }

    // di = pd.read_csv('diabetes/diabetes.csv'); Xd = di.drop(columns='target').to_numpy(); yd = di['target']
    // F, P = f_regression(Xd, yd)
    @Test
    void regressionFMatchesScikitLearnOnDiabetes() {
        FeatureScores s = ScoreFunction.F_REGRESSION.score(DIABETES_X, DIABETES_Y, 0);
        assertRelative(s.scores(), new double[] {16.101374010745563, 0.8174234902529663, 230.65376449412474, 106.52013085528147,
            20.71056744632005, 13.746079173190623, 81.23965867875593, 100.06926441335209, 207.27119361707273,
            75.39968319740201}, 1e-10);
        assertRelative(s.pValues(), new double[] {7.0556861491156048e-05, 3.6642929465206608e-01, 3.4660064451691118e-42,
            1.6493720527446820e-22, 6.9207117877595287e-06, 2.3598480959852636e-04, 6.1628646951838210e-18,
            2.3042532817536976e-21, 8.8264589588877730e-39, 7.5800832660875343e-17}, 1e-8);
    }

    @Test
    void regressionFOfAConstantFeatureIsZeroAndOfAPerfectOneTheLargestDouble() {
        Frame x = Frame.of(DoubleColumn.of("c", 2, 2, 2, 2), DoubleColumn.of("same", 1, 2, 3, 4));
        FeatureScores s = ScoreFunction.F_REGRESSION.score(x, DoubleColumn.of("y", 1, 2, 3, 4), 0);
        assertThat(s.scores()).containsExactly(0, Double.MAX_VALUE);
        assertThat(s.pValues()).containsExactly(1, 0);
    }

    /**
     * Data without ties, where scikit-learn's tie-breaking noise moves no neighbour and its
     * estimate is the same for every random_state:
     * i = np.arange(200); x1 = np.sin(0.37*i*i); x2 = np.cos(1.3*i) + 0.1*i/200; x3 = np.sin(2.1*i + 0.5)
     * yc = (x1 + 0.3*x3 > 0).astype(int) + (x1 > 0.6).astype(int); yr = x1 + 0.5*x2**2
     * mutual_info_classif(X, yc, random_state=s), mutual_info_regression(X, yr, random_state=s) for s in 0, 1, 2
     */
    @Test
    void mutualInformationMatchesScikitLearnExactlyWithoutTies() {
        int n = 200;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] x3 = new double[n];
        long[] yc = new long[n];
        double[] yr = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = Math.sin(0.37 * i * i);
            x2[i] = Math.cos(1.3 * i) + 0.1 * i / n;
            x3[i] = Math.sin(2.1 * i + 0.5);
            yc[i] = (x1[i] + 0.3 * x3[i] > 0 ? 1 : 0) + (x1[i] > 0.6 ? 1 : 0);
            yr[i] = x1[i] + 0.5 * x2[i] * x2[i];
        }
        Frame x = Frame.of(DoubleColumn.of("x1", x1), DoubleColumn.of("x2", x2), DoubleColumn.of("x3", x3));
        assertThat(ScoreFunction.MUTUAL_INFO_CLASSIF.score(x, LongColumn.of("y", yc), 5).scores())
                .containsExactly(new double[] {0.9103161338831229, 0.04031316635047522, 0.02288079107410179}, within(1e-12));
        assertThat(ScoreFunction.MUTUAL_INFO_REGRESSION.score(x, DoubleColumn.of("y", yr), 5).scores())
                .containsExactly(new double[] {1.4069493845878895, 0.26228922341061756, 0.1216069109265896}, within(1e-12));
    }

    /**
     * Iris and diabetes have many tied values, which scikit-learn breaks with random noise: its
     * estimates for random_state 0, 1, 2 spread by up to 0.04 (iris) and 0.03 (diabetes), so ours,
     * with noise of its own, are compared with their mean at 0.05.
     * mutual_info_classif(X, y, random_state=s); mutual_info_regression(Xd, yd, random_state=s)
     */
    @Test
    void mutualInformationAgreesWithScikitLearnWithinItsNoiseOnTiedData() {
        double[][] iris = {{0.4738732342805525, 0.28607227699171767, 0.9895851732491787, 0.9749379656705233},
            {0.512781714058262, 0.25292921613783714, 0.9839880577004505, 0.9914455136780711},
            {0.5150706778066834, 0.25293370601420073, 0.9891693008662013, 0.9891672089708192}};
        assertThat(ScoreFunction.MUTUAL_INFO_CLASSIF.score(IRIS_X, IRIS_Y, 1).scores()).containsExactly(mean(iris), within(0.05));
        double[][] diabetes = {{0.00106752406070809, 0.01589808605583221, 0.17101886099487418, 0.06597336299751122,
            0.06298088011156144, 0.01513315544986149, 0.06479400683312964, 0.11330273625431797, 0.143830806922423,
            0.10577260354043538},
            {0, 0.04221599124769804, 0.1778606452650151, 0.06898623739291088, 0.06256011640240589, 0.01584183314992904,
                0.06894791215921403, 0.0967327050777751, 0.14620850974434907, 0.10556339299862483},
            {0.00026880947103214, 0.02537058946824278, 0.17070762483479474, 0.07355059225453253, 0.06965505760145962,
                0.01145143559562145, 0.06385669904083136, 0.11628880601711344, 0.14863034390409613, 0.10589768316394288}};
        assertThat(ScoreFunction.MUTUAL_INFO_REGRESSION.score(DIABETES_X, DIABETES_Y, 1).scores())
                .containsExactly(mean(diabetes), within(0.05));
    }

    @Test
    void selectKBestKeepsTheTopScoresAndPassesOtherColumnsThrough() {
        Frame x = IRIS_X.withColumn(CategoricalColumn.of("tag", names()));
        FittedSelectKBest s = new SelectKBest(SelectKBest.Params.of(2, ScoreFunction.F_CLASSIF)).fit(x, IRIS_Y);
        assertThat(s.selected()).containsExactly("petal length (cm)", "petal width (cm)");
        assertThat(s.transform(x).names()).containsExactly("petal length (cm)", "petal width (cm)", "tag");
        assertThat(s.sources("tag")).containsExactly("tag");
        assertThatThrownBy(() -> s.sources("sepal width (cm)")).hasMessageContaining("was not selected");
        assertThatThrownBy(() -> new SelectKBest().fit(x, IRIS_Y)).hasMessageContaining("k = 10 but there are only 4");
        assertThat(new SelectKBest(SelectKBest.Params.of(SelectKBest.ALL, ScoreFunction.CHI2)).fit(x, IRIS_Y).selected()).hasSize(4);
    }

    @Test
    void tiedScoresKeepTheLaterColumnAsScikitLearnDoes() {
        Frame x = Frame.of(DoubleColumn.of("a", 1, 2, 3, 4), DoubleColumn.of("b", 1, 2, 3, 4), DoubleColumn.of("c", 5, 1, 5, 1));
        assertThat(new SelectKBest(SelectKBest.Params.of(1, ScoreFunction.F_REGRESSION)).fit(x, DoubleColumn.of("y", 1, 2, 3, 5))
                .selected()).containsExactly("b");
    }

    @Test
    void varianceThresholdDropsConstantColumns() {
        Frame x = Frame.of(DoubleColumn.of("c", 0.1, 0.1, 0.1), DoubleColumn.of("v", 1, 2, 4), CategoricalColumn.of("s", "a", "a", "a"));
        FittedVarianceThreshold v = new VarianceThreshold().fit(x, null);
        assertThat(v.selected()).containsExactly("v");
        // Population variance of 1, 2, 4: mean 7/3, squares (16 + 1 + 25)/9 / 3 = 14/9.
        assertThat(v.variances()[1]).isCloseTo(14.0 / 9, within(1e-15));
        assertThat(v.transform(x).names()).containsExactly("v", "s");
        assertThatThrownBy(() -> new VarianceThreshold(new VarianceThreshold.Params(5, null)).fit(x, null))
                .hasMessageContaining("no column has a variance above 5.0");
    }

    // RFE(LinearRegression(), n_features_to_select=4).fit(Xd, yd).ranking_  -> [7 1 1 2 3 4 5 1 1 6]
    // RFE(LinearRegression()).fit(Xd, yd).ranking_                          -> [6 1 1 1 2 3 4 1 1 5]
    // RFE(LinearRegression(), n_features_to_select=3, step=2).fit(Xd, yd).ranking_ -> [5 1 1 3 3 4 4 2 1 5]
    @Test
    void rfeRanksLikeScikitLearnOnDiabetes() {
        FittedRfe four = new Rfe(new LinearRegression(), new Rfe.Params(4, 1)).fit(DIABETES_X, DIABETES_Y);
        assertThat(four.ranking()).containsExactly(7, 1, 1, 2, 3, 4, 5, 1, 1, 6);
        assertThat(four.selected()).containsExactly("sex", "bmi", "s4", "s5");
        assertThat(four.transform(DIABETES_X).names()).containsExactly("sex", "bmi", "s4", "s5");
        assertThat(four.model().inputSchema().names()).containsExactly("sex", "bmi", "s4", "s5");
        assertThat(new Rfe(new LinearRegression()).fit(DIABETES_X, DIABETES_Y).ranking()).containsExactly(6, 1, 1, 1, 2, 3, 4, 1, 1, 5);
        assertThat(new Rfe(new LinearRegression(), new Rfe.Params(3, 2)).fit(DIABETES_X, DIABETES_Y).ranking())
                .containsExactly(5, 1, 1, 3, 3, 4, 4, 2, 1, 5);
    }

    private static String[] names() {
        String[] out = new String[IRIS.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = IRIS.column("target_name").text(i);
        }
        return out;
    }

    private static double[] mean(double[][] runs) {
        double[] out = new double[runs[0].length];
        for (double[] r : runs) {
            for (int j = 0; j < out.length; j++) {
                out[j] += r[j] / runs.length;
            }
        }
        return out;
    }

    private static void assertRelative(double[] got, double[] want, double tolerance) {
        assertThat(got).hasSameSizeAs(want);
        for (int j = 0; j < want.length; j++) {
            assertThat(got[j]).as("element %d", j).isCloseTo(want[j], within(tolerance * Math.abs(want[j])));
        }
    }
}

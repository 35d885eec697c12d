package dev.kiln.learn.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.random.Rng;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ElasticNetPathTest {

    @Test
    void theLassoPathMatchesScikitLearnsOnDiabetes() {
        // Reference: scikit-learn 1.2.1, all 442 rows of diabetes.csv, centred as LassoCV does:
        //   d = pd.read_csv("diabetes.csv"); X = d.drop(columns=["target"]).values.astype(float); y = d["target"].values
        //   alphas, coefs, gaps = lasso_path(X - X.mean(0), y - y.mean(), n_alphas=5)
        //   print(repr(alphas), repr(coefs[:, 2]), repr(coefs[:, 4]))
        Frame data = CsvReader.read(Path.of("src/test/resources/datasets/diabetes/diabetes.csv"));
        ElasticNetPath.Path path = new ElasticNetPath(ElasticNetPath.Params.lasso().withNAlphas(5))
                .fit(data.drop("target"), data.column("target"));
        double[] alphas = {564.4043529002272, 100.36686396988159, 17.8480327647818, 3.1738789175311526, 0.5644043529002274};
        assertThat(path.size()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(path.alphas()[i]).isCloseTo(alphas[i], within(1e-12 * alphas[i]));
        }
        // At α_max the solution is zero; rounding in αρn can leave a coefficient of order 1e-16.
        assertThat(java.util.Arrays.stream(path.coefficients(0)).map(Math::abs).max().orElseThrow()).isLessThan(1e-12);
        ElasticNetTest.assertClose(path.coefficients(2), new double[] {0, 0, 5.537257066355038, 1.0475402083416379,
            1.068100453863676, -1.126207393915898, -1.9388725479183508, 0, 0, 0.3318291929555795}, 1e-9);
        ElasticNetTest.assertClose(path.coefficients(4), new double[] {-2.5366040476391460e-02, -1.9771541711888140e+01,
            5.7490350855101804e+00, 1.1012512879658376e+00, -2.8043930220230634e-01, 4.9049975217418856e-02,
            -6.2888772228085010e-01, 2.6609246743540478e+00, 4.6521811339742051e+01, 3.0883577874890011e-01}, 1e-8);
    }

    @Test
    void everyPointOfAWarmStartedPathSatisfiesTheKktConditions() {
        Rng rng = Rng.seeded(21);
        Frame x = LinearFixtures.gaussianFrame(rng, 120, 15, 1.0);
        double[] y = LinearFixtures.linearTarget(rng, x, 2, 3.0);
        ElasticNetPath.Params params = new ElasticNetPath.Params(0.7, 20, 1e-2, true, 100000, 1e-14, false);
        ElasticNetPath.Path path = new ElasticNetPath(params).fit(x, DoubleColumn.of("y", y));
        int previousNonZero = 0;
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                assertThat(path.alphas()[i]).isLessThan(path.alphas()[i - 1]);
            }
            ElasticNetTest.assertKkt(x, y, path.coefficients(i), path.intercept(i), path.alphas()[i], 0.7, false);
            int nonZero = (int) java.util.Arrays.stream(path.coefficients(i)).filter(w -> w != 0).count();
            assertThat(nonZero).isGreaterThanOrEqualTo(previousNonZero - 1);
            previousNonZero = nonZero;
        }
        assertThat(path.alphas()[19] / path.alphas()[0]).isCloseTo(1e-2, within(1e-12));
        assertThat(previousNonZero).isEqualTo(15);
    }

    @Test
    void givenAlphasAreSolvedLargestFirstAndEachPointIsAModel() {
        Rng rng = Rng.seeded(22);
        Frame x = LinearFixtures.gaussianFrame(rng, 50, 4, 1.0);
        Column y = DoubleColumn.of("y", LinearFixtures.linearTarget(rng, x, 1, 0.5));
        ElasticNetPath.Path path = new ElasticNetPath(new ElasticNetPath.Params(0.5, 100, 1e-3, true, 1000, 1e-12, false))
                .fit(x, y, 0.01, 1, 0.1);
        assertThat(path.alphas()).containsExactly(1, 0.1, 0.01);
        for (int i = 0; i < 3; i++) {
            ElasticNetModel single = new ElasticNet(ElasticNet.Params.defaults().withAlpha(path.alphas()[i]).withTol(1e-12)).fit(x, y);
            ElasticNetTest.assertClose(path.coefficients(i), single.coefficients(), 1e-9);
            ElasticNetModel m = path.model(i);
            assertThat(m.params().alpha()).isEqualTo(path.alphas()[i]);
            assertThat(m.params().l1Ratio()).isEqualTo(0.5);
            assertThat(m.coefficients()).containsExactly(path.coefficients(i));
            assertThat(m.iterations()).isEqualTo(path.iterations(i));
            assertThat(m.dualGap()).isEqualTo(path.dualGap(i));
            double[] predicted = m.predict(x).values();
            double expected = m.intercept();
            for (int j = 0; j < 4; j++) {
                expected += m.coefficients()[j] * x.column(j).getDouble(0);
            }
            assertThat(predicted[0]).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void settingsAreChecked() {
        assertThat(ElasticNetPath.Params.defaults()).isEqualTo(new ElasticNetPath.Params(0.5, 100, 1e-3, true, 1000, 1e-4, false));
        assertThat(ElasticNetPath.Params.lasso().l1Ratio()).isEqualTo(1.0);
        assertThatThrownBy(() -> ElasticNetPath.Params.defaults().withL1Ratio(0))
                .hasMessage("l1Ratio must be in (0, 1] for a path, got 0.0");
        assertThatThrownBy(() -> new ElasticNetPath.Params(0.5, 100, 0, true, 1000, 1e-4, false)).hasMessage("eps must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> ElasticNetPath.Params.defaults().withNAlphas(0)).hasMessage("nAlphas must be >= 1, got 0");
        Frame x = Frame.of(DoubleColumn.of("a", 1, 2, 3));
        assertThatThrownBy(() -> new ElasticNetPath().fit(x, DoubleColumn.of("y", 1, 2, 3), new double[0]))
                .hasMessage("elastic-net: a path needs at least one alpha");
    }
}

package dev.kiln.learn.decompose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.SingularValueDecomposition;
import dev.kiln.core.linalg.SymmetricEigen;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.preprocess.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcaTest {
    private static final Frame IRIS = TestData.irisFeatures();
    private static final Frame DIGITS = TestData.read("digits").drop("target");

    /** Through XᵀX (iris, the tall set), and by SVD (the wide set, whose rank after centring is 29). */
    @Test
    void explainedVarianceIsTheSpectrumOfTheCovarianceMatrixOnEveryRoute() {
        Frame tall = correlated(3000, 40, 1);
        Frame wide = correlated(30, 90, 2);
        assertSpectrumOfCovariance(IRIS, new Pca().fit(IRIS));
        assertSpectrumOfCovariance(tall, new Pca().fit(tall));
        assertSpectrumOfCovariance(wide, new Pca(Pca.Params.of(29)).fit(wide));
        assertSpectrumOfCovariance(tall, new Pca(Pca.Params.of(12).withSvdSolver(Pca.SvdSolver.FULL)).fit(tall));
    }

    @Test
    void componentsAreOrthonormal() {
        for (FittedPca pca : List.of(new Pca().fit(IRIS), new Pca().fit(correlated(3000, 40, 3)), new Pca().fit(correlated(30, 90, 4)),
                new Pca(Pca.Params.of(8).withSvdSolver(Pca.SvdSolver.RANDOMIZED)).fit(DIGITS))) {
            Matrix v = pca.components();
            Matrix gram = v.timesTranspose(v);
            for (int a = 0; a < v.rows(); a++) {
                for (int b = 0; b < v.rows(); b++) {
                    assertThat(gram.get(a, b)).isCloseTo(a == b ? 1.0 : 0.0, within(1e-12));
                }
            }
        }
    }

    /**
     * scikit-learn 1.2.1, X the iris measurements:
     * <pre>
     * p = PCA(n_components=2).fit(X); Z = p.transform(X)
     * Z[[0, 1, 50, 100, 149]]; p.explained_variance_; p.explained_variance_ratio_
     * p.singular_values_; p.noise_variance_; p.components_
     * </pre>
     */
    @Test
    void irisProjectionMatchesScikitLearnUpToSign() {
        FittedPca pca = new Pca(Pca.Params.of(2)).fit(IRIS);
        double[][] sklearn = {
            {-2.6841256259695343, 0.31939724658510077},
            {-2.714141687294324, -0.1770012250647808},
            {1.2848256888583531, 0.6851604704673097},
            {2.5311927278036297, -0.00984910949880119},
            {1.3901888619479155, -0.28266093799055014}};
        int[] rows = {0, 1, 50, 100, 149};
        Frame z = pca.transform(IRIS.take(rows));
        for (int c = 0; c < 2; c++) {
            double[] ours = z.column("pc" + (c + 1)).toDoubles();
            double sign = Math.signum(ours[0] * sklearn[0][c]);
            for (int i = 0; i < rows.length; i++) {
                assertThat(sign * ours[i]).isCloseTo(sklearn[i][c], within(1e-12));
            }
        }
        assertThat(pca.explainedVariance()).containsExactly(new double[] {4.228241706034867, 0.24267074792863344}, within(1e-12));
        assertThat(pca.explainedVarianceRatio()).containsExactly(new double[] {0.9246187232017271, 0.0530664831170678}, within(1e-13));
        assertThat(pca.singularValues()).containsExactly(new double[] {25.09996044218387, 6.013147382308734}, within(1e-12));
        assertThat(pca.noiseVariance()).isCloseTo(0.05102229650818444, within(1e-13));
        assertThat(pca.components().row(0).toArray()).containsExactly(
                new double[] {0.36138659178536847, -0.08452251406456857, 0.8566706059498351, 0.3582891971515507}, within(1e-12));
        assertThat(pca.components().row(1).toArray()).containsExactly(
                new double[] {0.6565887712868422, 0.730161434785027, -0.17337266279585672, -0.07548101991746359}, within(1e-12));
    }

    @Test
    void inverseTransformRoundTripsAtFullRank() {
        for (Pca.Params params : List.of(Pca.Params.defaults(), Pca.Params.defaults().withWhiten(true))) {
            FittedPca pca = new Pca(params).fit(IRIS);
            Frame back = pca.inverseTransform(pca.transform(IRIS));
            assertThat(back.names()).isEqualTo(IRIS.names());
            for (String name : IRIS.names()) {
                assertThat(back.column(name).toDoubles()).containsExactly(IRIS.column(name).toDoubles(), within(1e-12));
            }
        }
    }

    @Test
    void whiteningGivesScoresOfUnitVariance() {
        Frame x = correlated(500, 12, 5);
        Frame z = new Pca(Pca.Params.of(6).withWhiten(true)).fit(x).transform(x);
        for (String name : z.names()) {
            double[] v = z.column(name).toDoubles();
            double mean = 0;
            for (double e : v) {
                mean += e / v.length;
            }
            double var = 0;
            for (double e : v) {
                var += (e - mean) * (e - mean) / (v.length - 1);
            }
            assertThat(mean).isCloseTo(0.0, within(1e-12));
            assertThat(var).isCloseTo(1.0, within(1e-12));
        }
    }

    /** Digits (64 columns) takes the power iterations through XᵀX; the wide set, through X. */
    @Test
    void randomizedAgreesWithFullOnTheLeadingComponents() {
        for (Frame x : List.of(DIGITS, correlated(200, 300, 6))) {
            FittedPca full = new Pca(Pca.Params.of(5).withSvdSolver(Pca.SvdSolver.FULL)).fit(x);
            FittedPca randomized = new Pca(Pca.Params.of(5).withSvdSolver(Pca.SvdSolver.RANDOMIZED)).fit(x);
            assertThat(randomized.solver()).isEqualTo(Pca.SvdSolver.RANDOMIZED);
            for (int c = 0; c < 5; c++) {
                assertThat(randomized.explainedVariance()[c]).isCloseTo(full.explainedVariance()[c],
                        within(1e-8 * full.explainedVariance()[c]));
                assertThat(randomized.components().row(c).dot(full.components().row(c))).isCloseTo(1.0, within(1e-8));
            }
            assertThat(randomized.noiseVariance()).isCloseTo(full.noiseVariance(), within(1e-8 * full.noiseVariance()));
        }
    }

    @Test
    void theSameSeedGivesTheSameRandomizedFitBitForBit() {
        Pca.Params params = Pca.Params.of(4).withSvdSolver(Pca.SvdSolver.RANDOMIZED).withSeed(7);
        FittedPca a = new Pca(params).fit(DIGITS);
        FittedPca b = new Pca(params).fit(DIGITS);
        assertThat(b.components().toRowMajorArray()).containsExactly(a.components().toRowMajorArray());
        assertThat(b.singularValues()).containsExactly(a.singularValues());
    }

    /**
     * A column a million times smaller than the others makes XᵀX's smallest eigenvalue 1e-12 of
     * its largest, below what the covariance route resolves (about ε·λ₁): the fit must take the
     * SVD route and keep that component's variance to the SVD's relative accuracy.
     */
    @Test
    void anIllConditionedMatrixKeepsItsSmallestVarianceToFullRelativeAccuracy() {
        Rng rng = Rng.seeded(11);
        double[][] rows = new double[2000][5];
        for (double[] r : rows) {
            for (int j = 0; j < 5; j++) {
                r[j] = rng.nextGaussian() * (j == 4 ? 1e-6 : 1.0) + 100;
            }
        }
        FittedPca pca = new Pca().fit(TestFrames.ofRows(rows));
        double[] reference = centredSingularValues(rows);
        double smallest = reference[4] * reference[4] / (rows.length - 1);
        assertThat(pca.explainedVariance()[4]).isCloseTo(smallest, within(1e-9 * smallest));
        assertThat(Math.abs(pca.components().get(4, 4))).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void autoFollowsScikitLearnsRule() {
        assertThat(Pca.SvdSolver.AUTO.resolve(500, 500, 10)).isEqualTo(Pca.SvdSolver.FULL);
        assertThat(Pca.SvdSolver.AUTO.resolve(10_000, 500, 50)).isEqualTo(Pca.SvdSolver.RANDOMIZED);
        assertThat(Pca.SvdSolver.AUTO.resolve(10_000, 500, 399)).isEqualTo(Pca.SvdSolver.RANDOMIZED);
        assertThat(Pca.SvdSolver.AUTO.resolve(10_000, 500, 400)).isEqualTo(Pca.SvdSolver.FULL);
        assertThat(Pca.SvdSolver.FULL.resolve(10_000, 500, 50)).isEqualTo(Pca.SvdSolver.FULL);
    }

    @Test
    void outputColumnsDrawOnEveryInputColumn() {
        FittedPca pca = new Pca(Pca.Params.of(3)).fit(IRIS);
        assertThat(pca.transform(IRIS).names()).containsExactly("pc1", "pc2", "pc3");
        assertThat(pca.sources("pc2")).isEqualTo(IRIS.names());
        assertThat(pca.sources("other")).containsExactly("other");
    }

    @Test
    void badParametersAndDataAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> new Pca(Pca.Params.of(5)).fit(IRIS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nComponents = 5").hasMessageContaining("min(rows, columns) = 4");
        assertThatThrownBy(() -> Pca.Params.of(0)).hasMessageContaining("nComponents must be >= 1").hasMessageContaining("got 0");
        assertThatThrownBy(() -> new Pca().fit(TestData.read("iris").drop("target")))
                .hasMessageContaining("'target_name'").hasMessageContaining("encode it first");
        Frame holes = IRIS.withColumn(DoubleColumn.of("petal width (cm)", withHole(IRIS.column("petal width (cm)").toDoubles())));
        assertThatThrownBy(() -> new Pca().fit(holes)).hasMessageContaining("1 missing value");
        assertThatThrownBy(() -> new Pca().fit(IRIS.head(1))).hasMessageContaining("at least 2 rows");
        FittedPca pca = new Pca().fit(IRIS);
        assertThatThrownBy(() -> pca.transform(IRIS.drop("sepal width (cm)"))).hasMessageContaining("no column 'sepal width (cm)'");
    }

    private static double[] withHole(double[] v) {
        v[3] = Double.NaN;
        return v;
    }

    private static void assertSpectrumOfCovariance(Frame x, FittedPca pca) {
        double[][] rows = TestData.rows(x);
        int n = rows.length;
        int p = rows[0].length;
        double[] mean = new double[p];
        for (double[] r : rows) {
            for (int j = 0; j < p; j++) {
                mean[j] += r[j] / n;
            }
        }
        Matrix cov = Matrix.zeros(p, p);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double s = 0;
                for (double[] r : rows) {
                    s += (r[a] - mean[a]) * (r[b] - mean[b]);
                }
                cov.set(a, b, s / (n - 1));
            }
        }
        double[] eigen = SymmetricEigen.of(cov).values().toArray();
        double[] ev = pca.explainedVariance();
        for (int c = 0; c < ev.length; c++) {
            assertThat(ev[c]).isCloseTo(eigen[c], within(1e-9 * eigen[c]));
        }
    }

    private static double[] centredSingularValues(double[][] rows) {
        int p = rows[0].length;
        double[] mean = new double[p];
        for (double[] r : rows) {
            for (int j = 0; j < p; j++) {
                mean[j] += r[j] / rows.length;
            }
        }
        Matrix c = Matrix.from(rows.length, p, (i, j) -> rows[i][j] - mean[j]);
        return SingularValueDecomposition.of(c).singularValues().toArray();
    }

    /** n rows of p columns mixing p Gaussian sources of decreasing scale. */
    static Frame correlated(int n, int p, long seed) {
        Rng rng = Rng.seeded(seed);
        double[][] mix = new double[p][p];
        for (double[] r : mix) {
            for (int j = 0; j < p; j++) {
                r[j] = rng.nextGaussian();
            }
        }
        double[][] rows = new double[n][p];
        double[] source = new double[p];
        for (double[] r : rows) {
            for (int s = 0; s < p; s++) {
                source[s] = rng.nextGaussian() * Math.pow(0.95, s);
            }
            for (int j = 0; j < p; j++) {
                double v = 3.0 * j;
                for (int s = 0; s < p; s++) {
                    v += source[s] * mix[s][j];
                }
                r[j] = v;
            }
        }
        return TestFrames.ofRows(rows);
    }
}

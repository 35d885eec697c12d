package dev.kiln.learn.decompose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Frame;
import dev.kiln.learn.preprocess.TestData;
import org.junit.jupiter.api.Test;

class IncrementalPcaTest {
    private static final Frame IRIS = TestData.irisFeatures();
    private static final Frame DIGITS = TestData.read("digits").drop("target");

    /**
     * scikit-learn 1.2.1, X the iris measurements:
     * <pre>
     * ip = IncrementalPCA(n_components=2, batch_size=40).fit(X)
     * ip.explained_variance_; ip.explained_variance_ratio_; ip.singular_values_
     * ip.noise_variance_; ip.components_; ip.var_
     * </pre>
     */
    @Test
    void irisInBatchesOfFortyMatchesScikitLearn() {
        FittedIncrementalPca pca = new IncrementalPca(new IncrementalPca.Params(2, false, 40)).fit(IRIS);
        assertThat(pca.nSamplesSeen()).isEqualTo(150);
        assertThat(pca.explainedVariance()).containsExactly(new double[] {4.226542472776695, 0.24239222341049907}, within(1e-12));
        assertThat(pca.explainedVarianceRatio()).containsExactly(new double[] {0.9242471401667871, 0.0530055762431845}, within(1e-13));
        assertThat(pca.singularValues()).containsExactly(new double[] {25.094916386466156, 6.009695606947523}, within(1e-12));
        assertThat(pca.noiseVariance()).isCloseTo(0.01722890721059981, within(1e-13));
        assertThat(pca.components().row(0).toArray()).containsExactly(
                new double[] {0.3621015390180036, -0.08503247372054357, 0.8564055833030275, 0.35808020154870346}, within(1e-12));
        assertThat(pca.components().row(1).toArray()).containsExactly(
                new double[] {0.6466909758815622, 0.7401067514230256, -0.17092270230029816, -0.06941331320267385}, within(1e-12));
        assertThat(pca.variance()).containsExactly(
                new double[] {0.6811222222222223, 0.18871288888888904, 3.095502666666666, 0.5771328888888888}, within(1e-13));
    }

    @Test
    void agreesWithFullPcaOnTheLeadingComponents() {
        FittedIncrementalPca incremental = new IncrementalPca(IncrementalPca.Params.of(10)).fit(DIGITS);
        FittedPca full = new Pca(Pca.Params.of(10).withSvdSolver(Pca.SvdSolver.FULL)).fit(DIGITS);
        assertThat(incremental.batchSize()).isEqualTo(5 * 64);
        assertThat(incremental.mean()).containsExactly(full.mean(), within(1e-12));
        for (int c = 0; c < 3; c++) {
            assertThat(incremental.explainedVariance()[c]).isCloseTo(full.explainedVariance()[c], within(2e-3 * full.explainedVariance()[c]));
            assertThat(Math.abs(incremental.components().row(c).dot(full.components().row(c)))).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void keepingEveryComponentReproducesFullPca() {
        FittedIncrementalPca incremental = new IncrementalPca(new IncrementalPca.Params(null, false, 30)).fit(IRIS);
        FittedPca full = new Pca().fit(IRIS);
        assertThat(incremental.explainedVariance()).containsExactly(full.explainedVariance(), within(1e-12));
        for (int c = 0; c < 4; c++) {
            assertThat(Math.abs(incremental.components().row(c).dot(full.components().row(c)))).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void partialFitsFoldInBatchesAsFitDoes() {
        IncrementalPca ipca = new IncrementalPca(new IncrementalPca.Params(3, false, 50));
        FittedIncrementalPca whole = ipca.fit(IRIS);
        FittedIncrementalPca stepwise = ipca.fit(IRIS.slice(0, 50)).partialFit(IRIS.slice(50, 100)).partialFit(IRIS.slice(100, 150));
        assertThat(stepwise.nSamplesSeen()).isEqualTo(150);
        assertThat(stepwise.components().toRowMajorArray()).containsExactly(whole.components().toRowMajorArray());
        assertThat(stepwise.singularValues()).containsExactly(whole.singularValues());
        assertThat(stepwise.transform(IRIS).column("pc1").toDoubles()).containsExactly(whole.transform(IRIS).column("pc1").toDoubles());
    }

    @Test
    void inverseTransformRoundTripsWhenEveryComponentIsKept() {
        FittedIncrementalPca pca = new IncrementalPca(new IncrementalPca.Params(null, true, 40)).fit(IRIS);
        Frame back = pca.inverseTransform(pca.transform(IRIS));
        for (String name : IRIS.names()) {
            assertThat(back.column(name).toDoubles()).containsExactly(IRIS.column(name).toDoubles(), within(1e-12));
        }
    }

    @Test
    void badParametersAndBatchesAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> new IncrementalPca.Params(null, false, 0)).hasMessageContaining("batchSize must be >= 1")
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> new IncrementalPca(IncrementalPca.Params.of(5)).fit(IRIS))
                .hasMessageContaining("nComponents = 5").hasMessageContaining("4 columns");
        FittedIncrementalPca pca = new IncrementalPca(IncrementalPca.Params.of(3)).fit(IRIS);
        assertThatThrownBy(() -> pca.partialFit(IRIS.head(2))).hasMessageContaining("nComponents = 3")
                .hasMessageContaining("2 rows of this batch");
        assertThatThrownBy(() -> pca.partialFit(IRIS.select("sepal length (cm)"))).hasMessageContaining("no column 'sepal width (cm)'");
    }
}

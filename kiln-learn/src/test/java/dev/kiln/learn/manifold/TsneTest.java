package dev.kiln.learn.manifold;

import dev.kiln.learn.quality.EmbeddingMetrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.learn.preprocess.TestData;
import org.junit.jupiter.api.Test;

class TsneTest {
    private static final Frame DIGITS = TestData.read("digits").drop("target");
    private static final Frame IRIS = TestData.irisFeatures();

    /**
     * Barnes–Hut on all of digits, 500 iterations, against scikit-learn 1.2.1 on the same setting:
     * <pre>
     * t = TSNE(random_state=0, n_iter=500).fit(X)
     * trustworthiness(X, t.embedding_, n_neighbors=5)   # 0.9945990973714653
     * t.kl_divergence_                                  # 0.8229041695594788
     * </pre>
     */
    @Test
    void digitsEmbeddingIsAsTrustworthyAsScikitLearns() {
        TsneResult r = new Tsne(Tsne.Params.defaults().withNIter(500)).fitTransform(DIGITS);
        assertThat(r.embedding().names()).containsExactly("tsne1", "tsne2");
        assertThat(r.embedding().rowCount()).isEqualTo(1797);
        assertThat(r.iterations()).isEqualTo(500);
        assertThat(EmbeddingMetrics.trustworthiness(DIGITS, r.embedding(), 5)).isGreaterThanOrEqualTo(0.98 * 0.9945990973714653);
        assertThat(r.klDivergence()).isCloseTo(0.8229041695594788, within(0.05 * 0.8229041695594788));
    }

    /**
     * The exact method on iris, against scikit-learn 1.2.1:
     * <pre>
     * t = TSNE(method='exact', random_state=0).fit(X)
     * t.kl_divergence_                                  # 0.12520682401429487
     * trustworthiness(X, t.embedding_, n_neighbors=5)   # 0.9893521126760564
     * </pre>
     */
    @Test
    void exactIrisEmbeddingMatchesScikitLearnsDivergenceAndTrustworthiness() {
        TsneResult r = new Tsne(Tsne.Params.defaults().withMethod(Tsne.Method.EXACT)).fitTransform(IRIS);
        assertThat(r.klDivergence()).isCloseTo(0.12520682401429487, within(0.05 * 0.12520682401429487));
        assertThat(EmbeddingMetrics.trustworthiness(IRIS, r.embedding(), 5)).isGreaterThanOrEqualTo(0.98 * 0.9893521126760564);
    }

    @Test
    void theSameSeedGivesTheSameEmbeddingBitForBit() {
        Frame rows = DIGITS.head(300);
        Tsne tsne = new Tsne(Tsne.Params.defaults().withNIter(250).withInit(Tsne.Init.RANDOM).withSeed(4));
        TsneResult a = tsne.fitTransform(rows);
        TsneResult b = tsne.fitTransform(rows);
        assertThat(b.embedding().column("tsne1").toDoubles()).containsExactly(a.embedding().column("tsne1").toDoubles());
        assertThat(b.embedding().column("tsne2").toDoubles()).containsExactly(a.embedding().column("tsne2").toDoubles());
        assertThat(b.klDivergence()).isEqualTo(a.klDivergence());
        TsneResult other = new Tsne(tsne.params().withSeed(5)).fitTransform(rows);
        assertThat(other.embedding().column("tsne1").toDoubles()).isNotEqualTo(a.embedding().column("tsne1").toDoubles());
    }

    @Test
    void threeComponentsEmbedThroughAnOctree() {
        TsneResult r = new Tsne(Tsne.Params.defaults().withNComponents(3).withPerplexity(10).withNIter(300)).fitTransform(IRIS);
        assertThat(r.embedding().names()).containsExactly("tsne1", "tsne2", "tsne3");
        assertThat(EmbeddingMetrics.trustworthiness(IRIS, r.embedding(), 5)).isGreaterThan(0.95);
    }

    @Test
    void defaultsAreScikitLearns() {
        Tsne.Params p = Tsne.Params.defaults();
        assertThat(p.nComponents()).isEqualTo(2);
        assertThat(p.perplexity()).isEqualTo(30.0);
        assertThat(p.earlyExaggeration()).isEqualTo(12.0);
        assertThat(p.nIter()).isEqualTo(1000);
        assertThat(p.nIterWithoutProgress()).isEqualTo(300);
        assertThat(p.minGradNorm()).isEqualTo(1e-7);
        assertThat(p.metric()).isEqualTo(Tsne.Metric.EUCLIDEAN);
        assertThat(p.init()).isEqualTo(Tsne.Init.PCA);
        assertThat(p.method()).isEqualTo(Tsne.Method.BARNES_HUT);
        assertThat(p.angle()).isEqualTo(0.5);
        assertThat(p.learningRateFor(10_000)).isEqualTo(10_000 / 12.0 / 4);
        assertThat(p.learningRateFor(1797)).isEqualTo(50.0);
    }

    @Test
    void badParametersAndDataAreRefusedNamingTheProblem() {
        Tsne.Params p = Tsne.Params.defaults();
        assertThatThrownBy(() -> new Tsne().fitTransform(IRIS.head(30))).hasMessageContaining("perplexity (30.0)")
                .hasMessageContaining("number of rows (30)");
        assertThatThrownBy(() -> p.withNComponents(4)).hasMessageContaining("nComponents must be at most 3").hasMessageContaining("got 4");
        assertThatThrownBy(() -> p.withAngle(1.5)).hasMessageContaining("angle must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> p.withNIter(100)).hasMessageContaining("nIter must be >= 250").hasMessageContaining("got 100");
        assertThatThrownBy(() -> p.withPerplexity(0)).hasMessageContaining("perplexity must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> new Tsne().fitTransform(TestData.read("iris").drop("target")))
                .hasMessageContaining("'target_name'");
        double[] width = IRIS.column("petal width (cm)").toDoubles();
        width[7] = Double.NaN;
        Frame holes = IRIS.withColumn(DoubleColumn.of("petal width (cm)", width));
        assertThatThrownBy(() -> new Tsne().fitTransform(holes)).hasMessageContaining("1 missing value");
        assertThatThrownBy(() -> new Tsne(p.withNComponents(3).withPerplexity(5)).fitTransform(IRIS.select("sepal length (cm)",
                "sepal width (cm)"))).hasMessageContaining("PCA initialisation needs nComponents (3) <= min(rows, columns) = 2");
    }
}

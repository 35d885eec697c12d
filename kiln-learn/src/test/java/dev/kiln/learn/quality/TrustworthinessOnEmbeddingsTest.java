package dev.kiln.learn.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.learn.preprocess.TestData;
import org.junit.jupiter.api.Test;

class TrustworthinessOnEmbeddingsTest {
    private static final Matrix WINE = TestData.read("wine").drop("target", "target_name").toMatrix();

    /**
     * A fixed two-column map of the wine data (no tied distances in either space), against
     * scikit-learn 1.2.1:
     * <pre>
     * X = wine.drop(columns=['target', 'target_name']).to_numpy(float)
     * E = np.column_stack([X[:,0] + 0.5*X[:,6] + 0.01*X[:,12], X[:,1]*X[:,9] + 0.001*X[:,4]])
     * trustworthiness(X, E, n_neighbors=5)    # 0.840925313945803
     * trustworthiness(X, E, n_neighbors=10)   # 0.8344511668107174
     * </pre>
     */
    @Test
    void matchesScikitLearnOnAFixedMapOfTheWineData() {
        Matrix e = Matrix.from(WINE.rows(), 2, (i, j) -> j == 0
                ? WINE.get(i, 0) + 0.5 * WINE.get(i, 6) + 0.01 * WINE.get(i, 12)
                : WINE.get(i, 1) * WINE.get(i, 9) + 0.001 * WINE.get(i, 4));
        assertThat(EmbeddingMetrics.trustworthiness(WINE, e, 5)).isCloseTo(0.840925313945803, within(1e-15));
        assertThat(EmbeddingMetrics.trustworthiness(WINE, e, 10)).isCloseTo(0.8344511668107174, within(1e-15));
    }

    @Test
    void isOneForAnEmbeddingThatKeepsEveryNeighbourhood() {
        Matrix scaled = Matrix.from(WINE.rows(), WINE.cols(), (i, j) -> 3 * WINE.get(i, j) - 7);
        assertThat(EmbeddingMetrics.trustworthiness(WINE, scaled, 7)).isEqualTo(1.0);
    }

    @Test
    void framesAreReadAsTheirNumericColumns() {
        Frame iris = TestData.irisFeatures();
        Frame petals = iris.select("petal length (cm)", "petal width (cm)");
        assertThat(EmbeddingMetrics.trustworthiness(iris, petals, 5))
                .isEqualTo(EmbeddingMetrics.trustworthiness(iris.toMatrix(), petals.toMatrix(), 5));
    }
}

package dev.kiln.learn.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.linalg.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Trustworthiness against scikit-learn 1.2.1 on tie-free data built by formula on both sides:
 * <pre>
 * n, d = 120, 6
 * Z = np.array([[np.sin(0.37*i*(j+1) + j) + 0.1*j*np.cos(1.7*i) for j in range(d)] for i in range(n)])
 * E = np.column_stack([Z[:,0] + Z[:,1], Z[:,2] - Z[:,3]])
 * sklearn.manifold.trustworthiness(Z, E, n_neighbors=k)
 * </pre>
 */
class EmbeddingMetricsTest {
    private static final Matrix Z = Matrix.from(120, 6, (i, j) -> Math.sin(0.37 * i * (j + 1) + j) + 0.1 * j * Math.cos(1.7 * i));
    private static final Matrix E = Matrix.from(120, 2, (i, j) -> j == 0 ? Z.get(i, 0) + Z.get(i, 1) : Z.get(i, 2) - Z.get(i, 3));

    @ParameterizedTest
    @CsvSource({"1, 0.9921610169491526", "5, 0.9688839285714286", "12, 0.8433565955117679", "59, 0.6641242937853107"})
    void matchesScikitLearn(int k, double scikitLearn) {
        assertThat(EmbeddingMetrics.trustworthiness(Z, E, k)).isCloseTo(scikitLearn, within(1e-12));
    }

    @Test
    void anEmbeddingThatKeepsEveryDistanceIsFullyTrustworthy() {
        Matrix shifted = Matrix.from(120, 6, (i, j) -> Z.get(i, j) + 3.0);
        assertThat(EmbeddingMetrics.trustworthiness(Z, shifted, 7)).isEqualTo(1.0);
    }

    @Test
    void refusesNeighbourhoodsOfHalfTheData() {
        assertThatThrownBy(() -> EmbeddingMetrics.trustworthiness(Z, E, 60))
                .hasMessageContaining("neighbors must be >= 1 and less than n / 2 = 60.0, got 60");
        assertThatThrownBy(() -> EmbeddingMetrics.trustworthiness(Z, Matrix.zeros(10, 2), 3))
                .hasMessageContaining("120 rows but the embedding has 10");
    }
}

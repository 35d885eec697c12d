package dev.kiln.learn.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.learn.parity.ParityData;
import dev.kiln.learn.quality.ClusterMetrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Agglomerative clustering with k = the number of classes on standardised iris, wine and digits:
 * the clustering is deterministic, so the adjusted Rand index against the true classes must be
 * scikit-learn's. The figures (1.2.1), with X the features and y the target of the whole data
 * set as the test resources hold it:
 * <pre>
 * sd = X.std(0); sd[sd == 0] = 1; Xs = (X - X.mean(0)) / sd
 * adjusted_rand_score(y, AgglomerativeClustering(n_clusters=k, linkage=l).fit(Xs).labels_)
 * </pre>
 */
class AgglomerativeParityTest {

    @ParameterizedTest
    @CsvSource({
        "IRIS, 3, WARD, 0.6153229932145449",
        "WINE, 3, WARD, 0.7899332213582837",
        "DIGITS, 10, WARD, 0.6643458356002894",
        "IRIS, 3, COMPLETE, 0.5726305793711641",
        "IRIS, 3, AVERAGE, 0.5621364251426576",
        "IRIS, 3, SINGLE, 0.5583714437541352",
        "WINE, 3, AVERAGE, -0.005441973296580639",
        "DIGITS, 10, COMPLETE, 0.00029815120906681163"})
    void adjustedRandIsScikitLearns(ParityData data, int k, Linkage linkage, double scikitLearn) {
        HierarchicalModel m = new AgglomerativeClustering(new AgglomerativeClustering.Params(k, linkage, null))
                .fit(ClusterData.standardized(data));
        assertThat(ClusterMetrics.adjustedRand(ClusterData.classes(data), m.labels())).isCloseTo(scikitLearn, within(1e-12));
    }
}

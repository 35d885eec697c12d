package dev.kiln.learn.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Frame;
import dev.kiln.learn.parity.ParityData;
import dev.kiln.learn.quality.ClusterMetrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * k-means with k = the number of classes on standardised iris, wine and digits, held to within
 * 0.02 of scikit-learn's adjusted Rand index against the true classes, and to at most its inertia
 * plus 0.5%. The scikit-learn figures (1.2.1), with X the features and y the target of the whole
 * data set as the test resources hold it:
 * <pre>
 * sd = X.std(0); sd[sd == 0] = 1; Xs = (X - X.mean(0)) / sd
 * m = KMeans(n_clusters=k, n_init=10, random_state=0).fit(Xs)
 * adjusted_rand_score(y, m.labels_), m.inertia_
 * </pre>
 */
class KMeansParityTest {

    @ParameterizedTest
    @CsvSource({
        "IRIS, 3, 0.6201351808870379, 139.82049635974974",
        "WINE, 3, 0.9148795960669529, 1278.7607763668148",
        "DIGITS, 10, 0.46506973257956236, 69437.29782182118"})
    void adjustedRandAndInertiaMatchScikitLearn(ParityData data, int k, double ari, double inertia) {
        Frame x = ClusterData.standardized(data);
        KMeansModel m = new KMeans(KMeans.Params.defaults().withClusters(k)).fit(x);
        assertThat(ClusterMetrics.adjustedRand(ClusterData.classes(data), m.labels())).isCloseTo(ari, within(0.02));
        assertThat(m.inertia()).isLessThanOrEqualTo(inertia * 1.005);
    }
}

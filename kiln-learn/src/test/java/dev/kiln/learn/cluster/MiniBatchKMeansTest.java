package dev.kiln.learn.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.quality.ClusterMetrics;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MiniBatchKMeansTest {
    private static final double[][] CENTRES = {{0, 0, 0}, {8, 0, 0}, {0, 8, 0}, {0, 0, 8}, {8, 8, 8}};
    private static final double[][] ROWS = ClusterData.blobs(Rng.seeded(51), CENTRES, 1000, 1.0);
    private static final Frame X = TestFrames.ofRows(ROWS);
    private static final int[] TRUTH = IntStream.range(0, ROWS.length).map(i -> i / 1000).toArray();

    private static MiniBatchKMeans.Params params(int k, int batch, boolean labels, double tol, Integer patience, int maxIter) {
        return new MiniBatchKMeans.Params(k, CentreInit.K_MEANS_PLUS_PLUS, maxIter, batch, labels, 3, tol, patience, null, 3, 0.01);
    }

    @Test
    void defaultsAreScikitLearns() {
        assertThat(MiniBatchKMeans.Params.defaults()).isEqualTo(new MiniBatchKMeans.Params(8, CentreInit.K_MEANS_PLUS_PLUS,
                100, 1024, true, 0, 0.0, 10, null, 3, 0.01));
    }

    @Test
    void recoversSeparatedBlobsNearlyAsWellAsFullKMeans() {
        MiniBatchKMeansModel m = new MiniBatchKMeans(MiniBatchKMeans.Params.defaults().withClusters(5)).fit(X);
        assertThat(ClusterMetrics.adjustedRand(TRUTH, m.labels())).isEqualTo(1.0);
        KMeansModel full = new KMeans(KMeans.Params.defaults().withClusters(5)).fit(X);
        assertThat(m.inertia()).isBetween(full.inertia(), full.inertia() * 1.01);
        assertThat(m.predict(X).clusters()).containsExactly(m.labels());
        double inertia = 0;
        double[][] centres = m.centres().toArray();
        for (int i = 0; i < ROWS.length; i++) {
            inertia += ClusterData.squared(ROWS[i], centres[m.labels()[i]]);
        }
        assertThat(m.inertia()).isCloseTo(inertia, within(1e-9 * inertia));
    }

    @Test
    void stepsAndIterationsFollowTheirLimits() {
        MiniBatchKMeansModel all = new MiniBatchKMeans(params(5, 100, true, 0, null, 2)).fit(X);
        assertThat(all.steps()).isEqualTo(2 * 5000 / 100);
        assertThat(all.iterations()).isEqualTo(2);
        MiniBatchKMeansModel patient = new MiniBatchKMeans(params(5, 100, true, 0, 10, 50)).fit(X);
        assertThat(patient.steps()).isLessThan(50 * 5000 / 100);
        assertThat(patient.iterations()).isEqualTo((int) Math.ceil(patient.steps() * 100 / 5000.0));
        MiniBatchKMeansModel coarse = new MiniBatchKMeans(params(5, 100, true, 10.0, null, 50)).fit(X);
        assertThat(coarse.steps()).isLessThan(patient.steps());
        MiniBatchKMeansModel whole = new MiniBatchKMeans(params(5, 100_000, true, 0, null, 3)).fit(X);
        assertThat(whole.steps()).isEqualTo(3);
        assertThat(Arrays.stream(whole.counts()).sum()).isLessThanOrEqualTo(3 * 5000);
    }

    @Test
    void withoutLabelsTheInertiaIsTheSmoothedEstimate() {
        MiniBatchKMeansModel m = new MiniBatchKMeans(params(5, 256, false, 0, 10, 100)).fit(X);
        assertThat(m.hasLabels()).isFalse();
        assertThatThrownBy(m::labels).isInstanceOf(IllegalStateException.class).hasMessageContaining("computeLabels = false");
        MiniBatchKMeansModel labelled = new MiniBatchKMeans(params(5, 256, true, 0, 10, 100)).fit(X);
        assertThat(m.centres().toRowMajorArray()).containsExactly(labelled.centres().toRowMajorArray());
        assertThat(m.inertia()).isBetween(0.8 * labelled.inertia(), 1.25 * labelled.inertia());
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        MiniBatchKMeansModel a = new MiniBatchKMeans(params(7, 200, true, 0, 10, 20)).fit(X);
        MiniBatchKMeansModel b = new MiniBatchKMeans(params(7, 200, true, 0, 10, 20)).fit(X);
        assertThat(a.centres().toRowMajorArray()).containsExactly(b.centres().toRowMajorArray());
        assertThat(a.labels()).containsExactly(b.labels());
        MiniBatchKMeansModel other = new MiniBatchKMeans(params(7, 200, true, 0, 10, 20).withSeed(9)).fit(X);
        assertThat(other.centres().toRowMajorArray()).isNotEqualTo(a.centres().toRowMajorArray());
    }

    @Test
    void everyRowItsOwnCluster() {
        double[][] rows = ClusterData.gaussian(Rng.seeded(52), 12, 2);
        MiniBatchKMeansModel m = new MiniBatchKMeans(params(12, 1024, true, 0, 10, 100)).fit(TestFrames.ofRows(rows));
        assertThat(m.labels()).doesNotContain(-1);
        assertThat(m.centres().toRowMajorArray()).doesNotContain(Double.NaN);
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> params(0, 10, true, 0, 10, 10)).hasMessage("nClusters must be >= 1, got 0");
        assertThatThrownBy(() -> params(2, 0, true, 0, 10, 10)).hasMessage("batchSize must be >= 1, got 0");
        assertThatThrownBy(() -> params(2, 10, true, -1, 10, 10)).hasMessage("tol must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> params(2, 10, true, 0, -1, 10)).hasMessage("maxNoImprovement must be >= 0, got -1");
        assertThatThrownBy(() -> new MiniBatchKMeans.Params(2, CentreInit.RANDOM, 10, 10, true, 0, 0, 10, 0, 3, 0.01))
                .hasMessage("initSize must be >= 1, got 0");
        assertThatThrownBy(() -> new MiniBatchKMeans.Params(2, CentreInit.RANDOM, 10, 10, true, 0, 0, 10, null, 3, 1.5))
                .hasMessage("reassignmentRatio must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new MiniBatchKMeans(MiniBatchKMeans.Params.defaults()).fit(TestFrames.ofRows(new double[][] {{1}, {2}})))
                .hasMessage("minibatch-kmeans: nClusters = 8 exceeds the 2 rows; use at most 2");
    }
}

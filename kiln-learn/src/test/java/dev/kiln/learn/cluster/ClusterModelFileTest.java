package dev.kiln.learn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.modelfile.ModelTypes;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.neighbors.Algorithm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterModelFileTest {
    private static final Frame X = TestFrames.ofRows(ClusterData.blobs(Rng.seeded(8),
            new double[][] {{0, 0}, {4, 0}, {0, 4}}, 40, 0.6));
    private static final Frame Q = TestFrames.ofRows(ClusterData.gaussian(Rng.seeded(9), 30, 2));

    @Test
    void theCodecsAreRegisteredUnderTheirTypeIds(@TempDir Path dir) {
        assertThat(ModelTypes.ids()).contains("kmeans", "minibatch-kmeans", "dbscan", "hierarchical");
        ModelFile.save(new Dbscan().fit(X), dir.resolve("d"));
        assertThat(ModelFile.readManifest(dir.resolve("d")).modelType()).isEqualTo("dbscan");
    }

    @Test
    void kMeansRoundTrips(@TempDir Path dir) {
        KMeansModel m = new KMeans(new KMeans.Params(3, CentreInit.RANDOM, 4, 50, 1e-3, KMeansAlgorithm.ELKAN, 11)).fit(X);
        ModelFile.save(m, dir.resolve("kmeans"));
        KMeansModel back = ModelFile.load(dir.resolve("kmeans"), KMeansModel.class);
        assertThat(back.params()).isEqualTo(m.params());
        assertThat(back.inputSchema()).isEqualTo(m.inputSchema());
        assertThat(back.centres().toRowMajorArray()).containsExactly(m.centres().toRowMajorArray());
        assertThat(back.labels()).containsExactly(m.labels());
        assertThat(back.inertia()).isEqualTo(m.inertia());
        assertThat(back.iterations()).isEqualTo(m.iterations());
        assertThat(back.predict(Q).clusters()).containsExactly(m.predict(Q).clusters());
    }

    @Test
    void dbscanRoundTrips(@TempDir Path dir) {
        DbscanModel m = new Dbscan(new Dbscan.Params(0.4, 4, Algorithm.BRUTE, 7, 1.5)).fit(X);
        ModelFile.save(m, dir.resolve("dbscan"));
        DbscanModel back = ModelFile.load(dir.resolve("dbscan"), DbscanModel.class);
        assertThat(back.params()).isEqualTo(m.params());
        assertThat(back.labels()).containsExactly(m.labels());
        assertThat(back.coreSampleIndices()).containsExactly(m.coreSampleIndices());
        assertThat(back.components().toRowMajorArray()).containsExactly(m.components().toRowMajorArray());
        assertThat(back.nClusters()).isEqualTo(m.nClusters()).isGreaterThan(1);
        assertThat(back.predict(Q).clusters()).containsExactly(m.predict(Q).clusters());
        DbscanModel noise = new Dbscan(Dbscan.Params.defaults().withEps(1e-9)).fit(X);
        ModelFile.save(noise, dir.resolve("noise"));
        assertThat(ModelFile.load(dir.resolve("noise"), DbscanModel.class).predict(X).clusters()).containsOnly(-1);
    }

    @Test
    void hierarchicalRoundTrips(@TempDir Path dir) {
        for (AgglomerativeClustering.Params params : new AgglomerativeClustering.Params[] {
            AgglomerativeClustering.Params.defaults(),
            new AgglomerativeClustering.Params(null, Linkage.AVERAGE, 1.5)}) {
            HierarchicalModel m = new AgglomerativeClustering(params).fit(X);
            ModelFile.save(m, dir.resolve("tree"));
            HierarchicalModel back = ModelFile.load(dir.resolve("tree"), HierarchicalModel.class);
            assertThat(back.params()).isEqualTo(m.params());
            assertThat(back.dendrogram().linkage().toRowMajorArray()).containsExactly(m.dendrogram().linkage().toRowMajorArray());
            assertThat(back.labels()).containsExactly(m.labels());
            assertThat(back.nClusters()).isEqualTo(m.nClusters());
            assertThat(back.predict(Q).clusters()).containsExactly(m.predict(Q).clusters());
        }
    }

    @Test
    void miniBatchKMeansRoundTrips(@TempDir Path dir) {
        for (boolean labels : new boolean[] {true, false}) {
            MiniBatchKMeansModel m = new MiniBatchKMeans(new MiniBatchKMeans.Params(3, CentreInit.K_MEANS_PLUS_PLUS, 5, 32,
                    labels, 4, 1e-6, null, 50, 2, 0.05)).fit(X);
            ModelFile.save(m, dir.resolve("minibatch"));
            MiniBatchKMeansModel back = ModelFile.load(dir.resolve("minibatch"), MiniBatchKMeansModel.class);
            assertThat(back.params()).isEqualTo(m.params());
            assertThat(back.centres().toRowMajorArray()).containsExactly(m.centres().toRowMajorArray());
            assertThat(back.counts()).containsExactly(m.counts());
            assertThat(back.hasLabels()).isEqualTo(labels);
            if (labels) {
                assertThat(back.labels()).containsExactly(m.labels());
            }
            assertThat(back.inertia()).isEqualTo(m.inertia());
            assertThat(back.steps()).isEqualTo(m.steps());
            assertThat(back.iterations()).isEqualTo(m.iterations());
            assertThat(back.predict(Q).clusters()).containsExactly(m.predict(Q).clusters());
        }
    }
}

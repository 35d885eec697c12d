package dev.kiln.learn.neighbors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.random.Rng;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeighborsModelFileTest {
    private static final Rng RNG = Rng.seeded(3);
    private static final Frame X = Frame.of(DoubleColumn.of("a", gaussian(60)), DoubleColumn.of("b", gaussian(60)));
    private static final Frame Q = Frame.of(DoubleColumn.of("a", gaussian(25)), DoubleColumn.of("b", gaussian(25)));

    @Test
    void classifierRoundTrips(@TempDir Path dir) {
        String[] labels = new String[60];
        for (int i = 0; i < 60; i++) {
            labels[i] = X.column(0).getDouble(i) > 0 ? "up" : i % 3 == 0 ? "left" : "down";
        }
        KNeighborsClassifierModel m = new KNeighborsClassifier(new KNeighborsClassifier.Params(4, Weights.DISTANCE,
                Algorithm.KD_TREE, 5, 1)).fit(X, TextColumn.of("y", labels));
        ModelFile.save(m, dir.resolve("knn"));
        KNeighborsClassifierModel back = ModelFile.load(dir.resolve("knn"), KNeighborsClassifierModel.class);
        assertThat(back.params()).isEqualTo(m.params());
        assertThat(back.classes()).isEqualTo(m.classes());
        assertThat(back.inputSchema()).isEqualTo(m.inputSchema());
        assertThat(back.predict(Q).labels()).containsExactly(m.predict(Q).labels());
        assertThat(back.predict(Q).probabilities()).isDeepEqualTo(m.predict(Q).probabilities());
    }

    @Test
    void regressorRoundTrips(@TempDir Path dir) {
        KNeighborsRegressorModel m = new KNeighborsRegressor().fit(X, DoubleColumn.of("y", gaussian(60)));
        ModelFile.save(m, dir.resolve("knn"));
        KNeighborsRegressorModel back = ModelFile.load(dir.resolve("knn"), KNeighborsRegressorModel.class);
        assertThat(back.params()).isEqualTo(m.params());
        assertThat(back.effectiveAlgorithm()).isEqualTo(Algorithm.KD_TREE);
        assertThat(back.predict(Q).values()).containsExactly(m.predict(Q).values());
    }

    @Test
    void loadsTheGoldenFilesOfLayoutVersion1() throws URISyntaxException {
        // Written by Kiln 0.1.0 and kept unchanged: later versions must read them.
        // Classifier: k = 1, Manhattan, k-d tree, over x = 0, 1, 5, 6, 10 labelled a, a, b, b, c.
        KNeighborsClassifierModel c = ModelFile.load(golden("knn-classifier-v1"), KNeighborsClassifierModel.class);
        assertThat(c.predict(Frame.of(DoubleColumn.of("x", -4, 2.9, 5.4, 8.5))).labels()).containsExactly(0, 0, 1, 2);
        // Regressor: k = 2, brute force, y = 10x at x = 0, 1, 2, 3: the mean of the two nearest.
        KNeighborsRegressorModel r = ModelFile.load(golden("knn-regressor-v1"), KNeighborsRegressorModel.class);
        assertThat(r.predict(Frame.of(DoubleColumn.of("x", 1.4, 7))).values()).containsExactly(15, 25);
    }

    private Path golden(String name) throws URISyntaxException {
        return Path.of(getClass().getResource("/golden/" + name).toURI());
    }

    private static double[] gaussian(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = RNG.nextGaussian();
        }
        return v;
    }
}

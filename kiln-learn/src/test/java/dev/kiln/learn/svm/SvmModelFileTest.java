package dev.kiln.learn.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.modelfile.ModelFile;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SvmModelFileTest {
    private static final Frame WINE = CsvReader.read(Path.of("src/test/resources/datasets/wine/wine.csv"))
            .drop("target_name");

    @Test
    void classifierWithProbabilitiesRoundTrips(@TempDir Path dir) {
        SvcModel m = new Svc(new Svc.Params(3, Kernel.POLY, 2, Gamma.auto(), 0.5, true, true, 1e-3, 200, -1,
                DecisionShape.OVO, false, 5)).fit(WINE, "target");
        ModelFile.save(m, dir.resolve("svc"));
        SvcModel back = ModelFile.load(dir.resolve("svc"), SvcModel.class);
        Frame x = WINE.drop("target");
        assertThat(back.params()).isEqualTo(m.params());
        assertThat(back.classes()).isEqualTo(m.classes());
        assertThat(back.gamma()).isEqualTo(m.gamma());
        assertThat(back.supportIndices()).containsExactly(m.supportIndices());
        assertThat(back.predict(x).labels()).containsExactly(m.predict(x).labels());
        assertThat(back.predict(x).probabilities()).isDeepEqualTo(m.predict(x).probabilities());
        assertThat(back.decisionFunction(x).toRowMajorArray()).containsExactly(m.decisionFunction(x).toRowMajorArray());
    }

    @Test
    void binaryClassifierRoundTrips(@TempDir Path dir) {
        Frame two = WINE.filter(i -> WINE.column("target").getDouble(i) < 2);
        SvcModel m = new Svc().fit(two, "target");
        ModelFile.save(m, dir.resolve("svc"));
        SvcModel back = ModelFile.load(dir.resolve("svc"), SvcModel.class);
        Frame x = two.drop("target");
        assertThat(back.predict(x).hasProbabilities()).isFalse();
        assertThat(back.decisionFunction(x).toRowMajorArray()).containsExactly(m.decisionFunction(x).toRowMajorArray());
    }

    @Test
    void regressorRoundTrips(@TempDir Path dir) {
        SvrModel m = new Svr(new Svr.Params(5, 0.2, Kernel.SIGMOID, 3, Gamma.of(0.01), 0.5, true, 1e-3, 200, -1))
                .fit(WINE.drop("proline"), "alcohol");
        ModelFile.save(m, dir.resolve("svr"));
        SvrModel back = ModelFile.load(dir.resolve("svr"), SvrModel.class);
        Frame x = WINE.drop("alcohol");
        assertThat(back.params()).isEqualTo(m.params());
        assertThat(back.intercept()).isEqualTo(m.intercept());
        assertThat(back.predict(x).values()).containsExactly(m.predict(x).values());
    }

    @Test
    void regressorWithoutSupportVectorsRoundTrips(@TempDir Path dir) {
        Frame x = WINE.select("hue", "ash");
        SvrModel m = new Svr().fit(x, DoubleColumn.of("y", new double[x.rowCount()]));
        ModelFile.save(m, dir.resolve("svr"));
        SvrModel back = ModelFile.load(dir.resolve("svr"), SvrModel.class);
        assertThat(back.supportIndices()).isEmpty();
        assertThat(back.predict(x).values()).containsExactly(m.predict(x).values());
    }

    @Test
    void loadsTheGoldenFilesOfLayoutVersion1() throws URISyntaxException {
        // Written by Kiln 0.1.0 and kept unchanged: later versions must read them.
        // Classifier: linear kernel, C = 1, one point per class at x = −2, 0, 2 (a, b, c), OVO. Each pair
        // (p, q) of points has α = 2 / (p − q)², so f_ab = −x − 1, f_ac = −x / 2, f_bc = 1 − x.
        SvcModel c = ModelFile.load(golden("svm-classifier-v1"), SvcModel.class);
        Frame x = Frame.of(DoubleColumn.of("x", -1.5, 0.3, 1.7));
        assertThat(c.decisionFunction(x).toRowMajorArray()).containsExactly(new double[] {0.5, 0.75, 2.5, -1.3,
            -0.15, 0.7, -2.7, -0.85, -0.7}, within(1e-12));
        assertThat(c.predict(x).labels()).containsExactly(0, 1, 2);
        // Regressor: linear kernel, C = 10, ε = 0.1, y = 2x at x = −1, 0, 1: the flattest line within the
        // tube is f = 1.9x.
        SvrModel r = ModelFile.load(golden("svm-regressor-v1"), SvrModel.class);
        assertThat(r.predict(Frame.of(DoubleColumn.of("x", 0.5, -3))).values())
                .containsExactly(new double[] {0.95, -5.7}, within(1e-12));
    }

    private Path golden(String name) throws URISyntaxException {
        return Path.of(getClass().getResource("/golden/" + name).toURI());
    }
}

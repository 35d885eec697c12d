package dev.kiln.learn.svm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.modelfile.ModelFile;
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
}

package dev.kiln.learn.linear;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.modelfile.ModelFile;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearRegressionModelFileTest {

    @Test
    void roundTripsThroughAModelFile(@TempDir Path dir) {
        Frame x = Frame.of(DoubleColumn.of("a", 1, 2, 3, 4), DoubleColumn.of("b", 0, 1, 0, 2));
        LinearRegressionModel m = new LinearRegression().fit(x, DoubleColumn.of("y", 1, 3, 2, 8));
        ModelFile.save(m, dir.resolve("lr"));
        LinearRegressionModel back = ModelFile.load(dir.resolve("lr"), LinearRegressionModel.class);
        assertThat(back.coefficients()).containsExactly(m.coefficients());
        assertThat(back.intercept()).isEqualTo(m.intercept());
        assertThat(back.inputSchema()).isEqualTo(m.inputSchema());
        assertThat(back.params()).isEqualTo(m.params());
    }

    @Test
    void loadsTheGoldenFileOfLayoutVersion1() throws URISyntaxException {
        // Written by Kiln 0.1.0 for y = 1 + 2a - 3b and kept unchanged: later versions must read it.
        Path golden = Path.of(getClass().getResource("/golden/linear-regression-v1").toURI());
        LinearRegressionModel m = ModelFile.load(golden, LinearRegressionModel.class);
        assertThat(m.predict(Frame.of(DoubleColumn.of("a", 0, 1), DoubleColumn.of("b", 0, 1))).values())
                .containsExactly(1, 0);
    }
}

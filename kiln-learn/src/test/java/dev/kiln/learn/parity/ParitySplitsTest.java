package dev.kiln.learn.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.Frame;
import dev.kiln.learn.data.ClassTarget;
import dev.kiln.learn.selection.TrainTestSplit;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed split files are exactly what TrainTestSplit gives, and keep class proportions. */
class ParitySplitsTest {

    @Test
    void committedSplitsMatchTheComputedOnes() throws Exception {
        for (ParityData d : ParityData.values()) {
            TrainTestSplit s = d.computedSplit();
            List<String> lines = Files.readAllLines(d.splitFile());
            assertThat(lines.get(0)).isEqualTo("row,set");
            int tests = 0;
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).endsWith(",test")) {
                    assertThat(s.test()[tests++]).as("%s row %d", d, i - 1).isEqualTo(i - 1);
                }
            }
            assertThat(tests).as(d.name()).isEqualTo(s.test().length);
            Frame f = d.frame();
            assertThat(s.train().length + s.test().length).isEqualTo(f.rowCount());
            assertThat(s.test().length).isEqualTo((int) Math.round(0.3 * f.rowCount()));
        }
    }

    @Test
    void stratifiedSplitsKeepEachClassShareWithinOneRow() {
        for (ParityData d : ParityData.values()) {
            if (!d.classification()) {
                continue;
            }
            ClassTarget all = ClassTarget.of(d.targetColumn(), d.targetColumn().size(), "test");
            TrainTestSplit s = d.computedSplit();
            int[] testCounts = new int[all.classCount()];
            for (int i : s.test()) {
                testCounts[all.codes()[i]]++;
            }
            int[] counts = all.counts();
            for (int k = 0; k < counts.length; k++) {
                double expected = 0.3 * counts[k];
                assertThat((double) testCounts[k]).as("%s class %d", d, k).isBetween(expected - 1, expected + 1);
            }
        }
    }
}

package dev.kiln.learn.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.tree.Tree;
import dev.kiln.learn.tree.TreeTestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A seed gives the same forests and boosted trees whatever the number of threads: models fitted
 * in JVMs with 1 and 3 worker threads ({@code -Dkiln.threads}) equal the ones fitted here.
 */
class ThreadCountIndependenceTest {

    @Test
    void modelsDoNotDependOnTheThreadCount() throws Exception {
        String here = fingerprints();
        for (int threads : new int[] {1, 3}) {
            assertThat(fingerprintsInAJvmWith(threads)).as("%d threads", threads).isEqualTo(here);
        }
    }

    /** Fits a random forest, a multiclass boosted model (with early stopping) and an isolation forest; hashes their trees. */
    static String fingerprints() {
        Rng rng = Rng.seeded(77);
        Frame x = TreeTestData.gaussian(rng, 3000, 6);
        Column y = EnsembleTestData.classes(rng, x);
        List<Tree> trees = new ArrayList<>();
        trees.addAll(new RandomForestClassifier(RandomForestClassifier.Params.defaults().withNEstimators(12)
                .withOobScore(true)).fit(x, y).trees());
        trees.addAll(new GradientBoostingClassifier(GradientBoosting.Params.defaults().withMaxIter(15)
                .withEarlyStopping(GradientBoosting.EarlyStopping.ON)).fit(x, y).trees());
        trees.addAll(new IsolationForest(IsolationForest.Params.defaults().withNEstimators(10)).fit(x).trees());
        long values = 0;
        for (Tree t : trees) {
            values = 31 * values + java.util.Arrays.hashCode(t.values());
        }
        return trees.size() + " trees, splits " + trees.hashCode() + ", values " + values;
    }

    private static String fingerprintsInAJvmWith(int threads) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector", "-Dkiln.threads=" + threads,
                "-Dkiln.progress=off", "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.getErrorStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        return out;
    }

    /** Prints {@link #fingerprints()}. */
    public static final class Main {
        public static void main(String[] args) {
            System.out.println(fingerprints());
        }
    }
}

package dev.kiln.learn.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.metrics.RocCurve;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.tree.Tree;
import dev.kiln.learn.tree.TreeTestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolationForestTest {
    private static final Frame BREAST = CsvReader.read(Path.of("src/test/resources/datasets/breast_cancer/breast_cancer.csv"));

    @Test
    void averagePathLengthIsScikitLearns() {
        // sklearn.ensemble._iforest._average_path_length(np.array([1, 2, 3, 10, 256])).tolist()
        double[] expected = {0.0, 1.0, 1.207392357589623, 3.748880484475504, 10.244770920119917};
        int[] n = {1, 2, 3, 10, 256};
        for (int i = 0; i < n.length; i++) {
            assertThat(IsolationTreeGrower.averagePathLength(n[i])).isCloseTo(expected[i], within(1e-14));
        }
    }

    @Test
    void handComputedScores() {
        // Two rows, ψ = 2: one split isolates both at depth 1; c(1) = 0, c(2) = 1, so −2^(−1/1) = −0.5.
        IsolationForestModel two = new IsolationForest(IsolationForest.Params.defaults().withNEstimators(3))
                .fit(Frame.of(DoubleColumn.of("a", 0, 1)));
        assertThat(two.maxSamples()).isEqualTo(2);
        assertThat(two.scoreSamples(Frame.of(DoubleColumn.of("a", 0, 1)))).containsExactly(-0.5, -0.5);
        // Identical rows cannot be split: the root leaf holds all ψ = 4, h = c(4), so the score is −2^−1.
        IsolationForestModel same = new IsolationForest().fit(Frame.of(DoubleColumn.of("a", 7, 7, 7, 7)));
        assertThat(same.trees().get(0).nodeCount()).isEqualTo(1);
        assertThat(same.scoreSamples(Frame.of(DoubleColumn.of("a", -100)))[0]).isCloseTo(-0.5, within(1e-15));
    }

    @Test
    void treesUseSubsamplesAndStopAtTheDepthLimit() {
        Rng rng = Rng.seeded(1);
        Frame x = TreeTestData.gaussian(rng, 1000, 3);
        IsolationForestModel m = new IsolationForest(IsolationForest.Params.defaults().withNEstimators(20)).fit(x);
        assertThat(m.maxSamples()).isEqualTo(256);
        for (Tree t : m.trees()) {
            assertThat(t.samples(0)).isEqualTo(256);
            assertThat(t.depth()).isLessThanOrEqualTo(8);
        }
        IsolationForestModel small = new IsolationForest(IsolationForest.Params.defaults().withMaxSamples(5000)).fit(x);
        assertThat(small.maxSamples()).isEqualTo(1000);
    }

    @Test
    void farAwayRowsScoreLowerThanTypicalOnes() {
        Rng rng = Rng.seeded(2);
        Frame x = TreeTestData.gaussian(rng, 500, 2);
        IsolationForestModel m = new IsolationForest().fit(x);
        double[] s = m.scoreSamples(Frame.of(DoubleColumn.of("x0", 0, 0.3, 8, -6), DoubleColumn.of("x1", 0, -0.2, 8, 5)));
        assertThat(s[2]).isLessThan(s[0]).isLessThan(-0.5);
        assertThat(s[3]).isLessThan(s[1]);
        for (double v : m.scoreSamples(x)) {
            assertThat(v).isBetween(-1.0, 0.0);
        }
        assertThat(m.isOutlier(Frame.of(DoubleColumn.of("x0", 0, 9), DoubleColumn.of("x1", 0, 9)))).containsExactly(false, true);
        double[] d = m.decisionFunction(x);
        double[] raw = m.scoreSamples(x);
        for (int i = 0; i < d.length; i++) {
            assertThat(d[i]).isEqualTo(raw[i] + 0.5);
        }
    }

    @Test
    void contaminationSetsTheOffsetToThatQuantileOfTheTrainingScores() {
        Frame x = BREAST.drop("target", "target_name");
        IsolationForestModel m = new IsolationForest(IsolationForest.Params.defaults().withContamination(0.1)).fit(x);
        int flagged = 0;
        for (boolean b : m.isOutlier(x)) {
            flagged += b ? 1 : 0;
        }
        // IsolationForest(contamination=0.1, random_state=0).fit(X): (m.predict(X) == -1).mean() = 57 / 569
        assertThat(flagged).isBetween(56, 57);
        assertThat(IsolationForest.percentile(new double[] {4, 1, 3, 2}, 50)).isEqualTo(2.5);
        assertThat(IsolationForest.percentile(new double[] {4, 1, 3, 2}, 10)).isCloseTo(1.3, within(1e-12));
    }

    @Test
    void scoresRankMalignantTumoursAsScikitLearnDoes() {
        // X, y = breast_cancer.csv without target, target_name; target;
        // np.mean([roc_auc_score(y == 0, -IsolationForest(random_state=s).fit(X).score_samples(X)) for s in range(5)])
        // = 0.7719 (0.720 to 0.799 by seed); the "auto" offset flags 0.100 of the rows (0.088 to 0.112).
        Frame x = BREAST.drop("target", "target_name");
        int[] malignant = new int[x.rowCount()];
        for (int i = 0; i < malignant.length; i++) {
            malignant[i] = BREAST.column("target").getDouble(i) == 0 ? 1 : 0;
        }
        double auc = 0;
        double share = 0;
        for (long seed = 0; seed < 5; seed++) {
            IsolationForestModel m = new IsolationForest(IsolationForest.Params.defaults().withSeed(seed)).fit(x);
            double[] s = m.scoreSamples(x);
            for (int i = 0; i < s.length; i++) {
                s[i] = -s[i];
            }
            auc += RocCurve.rocAuc(malignant, s) / 5;
            for (boolean b : m.isOutlier(x)) {
                share += b ? 1.0 / (5 * s.length) : 0;
            }
        }
        assertThat(auc).isGreaterThanOrEqualTo(0.7719 - 0.02);
        assertThat(share).isBetween(0.06, 0.14);
    }

    @Test
    void theSameSeedGivesTheSameForestAndItRoundTrips(@TempDir Path dir) {
        Frame x = TreeTestData.gaussian(Rng.seeded(3), 300, 4);
        IsolationForest.Params p = IsolationForest.Params.defaults().withNEstimators(30).withContamination(0.05)
                .withSeed(5);
        IsolationForestModel m = new IsolationForest(p).fit(x);
        assertThat(new IsolationForest(p).fit(x).trees()).isEqualTo(m.trees());
        assertThat(new IsolationForest(p.withSeed(6)).fit(x).trees()).isNotEqualTo(m.trees());
        ModelFile.save(m, dir.resolve("if"));
        IsolationForestModel back = ModelFile.load(dir.resolve("if"), IsolationForestModel.class);
        assertThat(back.params()).isEqualTo(p);
        assertThat(back.offset()).isEqualTo(m.offset());
        assertThat(back.inputSchema()).isEqualTo(m.inputSchema());
        assertThat(back.scoreSamples(x)).containsExactly(m.scoreSamples(x));
    }

    @Test
    void badSettingsAreRefused() {
        IsolationForest.Params d = IsolationForest.Params.defaults();
        assertThatThrownBy(() -> d.withContamination(0.6)).hasMessage("contamination must be in (0, 0.5] (or none for auto), got 0.6");
        assertThatThrownBy(() -> d.withMaxSamples(0)).hasMessage("max_samples must be >= 1 (or none for auto), got 0");
        assertThatThrownBy(() -> d.withNEstimators(0)).hasMessage("n_estimators must be >= 1, got 0");
        assertThatThrownBy(() -> new IsolationForest().fit(Frame.of(DoubleColumn.of("a", 1, Double.NaN))))
                .hasMessageContaining("isolation-forest needs numeric features without missing values");
    }
}

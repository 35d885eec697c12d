package dev.kiln.learn.neighbors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.model.ClassificationPrediction;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KNeighborsClassifierTest {
    private static final Frame WINE = CsvReader.read(Path.of("src/test/resources/datasets/wine/wine.csv")).drop("target_name");
    private static final int[] FIRST_150 = IntStream.range(0, 150).toArray();
    private static final int[] LAST_28 = IntStream.range(150, 178).toArray();

    @Test
    void defaultsAreScikitLearns() {
        assertThat(KNeighborsClassifier.Params.defaults())
                .isEqualTo(new KNeighborsClassifier.Params(5, Weights.UNIFORM, Algorithm.AUTO, 30, 2));
    }

    @Test
    void votesAsScikitLearnOnWine() {
        // scikit-learn 1.2.1, X/y = wine.csv's 13 features / target (no scaling):
        // m = KNeighborsClassifier(n_neighbors=5).fit(X[:150], y[:150])
        // m.predict(X[150:]).tolist(); (m.predict_proba(X[150:]) * 5).round().astype(int).tolist()
        // (no query has a tie between its 5th and 6th distances, so the neighbours are unambiguous)
        int[] labels = {2, 1, 1, 1, 2, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 1};
        int[][] votes = {{0, 2, 3}, {0, 5, 0}, {0, 5, 0}, {1, 4, 0}, {0, 2, 3}, {1, 2, 2}, {0, 5, 0}, {2, 2, 1},
            {0, 3, 2}, {0, 4, 1}, {0, 3, 2}, {1, 3, 1}, {0, 4, 1}, {1, 4, 0}, {0, 3, 2}, {0, 3, 2}, {1, 3, 1},
            {0, 4, 1}, {3, 2, 0}, {0, 4, 1}, {0, 3, 2}, {0, 5, 0}, {0, 3, 2}, {1, 3, 1}, {3, 1, 1}, {3, 0, 2},
            {3, 0, 2}, {0, 3, 2}};
        for (Algorithm a : Algorithm.values()) {
            ClassificationPrediction p = fit(new KNeighborsClassifier.Params(5, Weights.UNIFORM, a, 30, 2));
            for (int i = 0; i < labels.length; i++) {
                assertThat(p.label(i)).as("row %d", i).isEqualTo(String.valueOf(labels[i]));
                for (int c = 0; c < 3; c++) {
                    assertThat(p.probabilities(i)[c]).isEqualTo(votes[i][c] / 5.0);
                }
            }
        }
    }

    @Test
    void distanceWeightedManhattanVotesAsScikitLearn() {
        // scikit-learn 1.2.1, X/y as above:
        // m = KNeighborsClassifier(n_neighbors=7, weights='distance', p=1).fit(X[:150], y[:150])
        // m.predict_proba(X[150 + r:151 + r]) for r in (0, 5, 13, 27); m.predict(X[150:]).tolist()
        int[] labels = {1, 1, 1, 1, 2, 1, 1, 0, 1, 1, 1, 1, 2, 1, 2, 1, 1, 1, 0, 2, 1, 1, 1, 1, 0, 0, 0, 2};
        double[][] proba = {{0.0, 0.6204274487108435, 0.37957255128915657},
            {0.10830779400711762, 0.4588550191062538, 0.4328371868866285},
            {0.22595208062324615, 0.67273311297077, 0.10131480640598385},
            {0.0, 0.45700134986918545, 0.5429986501308145}};
        int[] rows = {0, 5, 13, 27};
        for (Algorithm a : Algorithm.values()) {
            ClassificationPrediction p = fit(new KNeighborsClassifier.Params(7, Weights.DISTANCE, a, 30, 1));
            for (int i = 0; i < labels.length; i++) {
                assertThat(p.label(i)).as("row %d", i).isEqualTo(String.valueOf(labels[i]));
            }
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(p.probabilities(rows[r])[c]).isCloseTo(proba[r][c], within(1e-12));
                }
            }
        }
    }

    @Test
    void tiedVotesGoToTheFirstClass() {
        Frame x = Frame.of(DoubleColumn.of("x", 0, 1, 2, 3));
        Column y = TextColumn.of("y", "b", "a", "b", "a");
        KNeighborsClassifierModel m = new KNeighborsClassifier(new KNeighborsClassifier.Params(2, Weights.UNIFORM,
                Algorithm.BRUTE, 30, 2)).fit(x, y);
        ClassificationPrediction p = m.predict(Frame.of(DoubleColumn.of("x", 0.5, 2.5)));
        assertThat(p.label(0)).isEqualTo("a");
        assertThat(p.label(1)).isEqualTo("a");
        assertThat(p.probabilities(0)).containsExactly(0.5, 0.5);
    }

    @Test
    void pointsOnTopOfTheQueryOutvoteAllOthersUnderDistanceWeights() {
        Frame x = Frame.of(DoubleColumn.of("x", 0, 0, 0.1, 0.2, 0.3));
        Column y = TextColumn.of("y", "a", "b", "c", "c", "c");
        KNeighborsClassifierModel m = new KNeighborsClassifier(new KNeighborsClassifier.Params(5, Weights.DISTANCE,
                Algorithm.KD_TREE, 1, 2)).fit(x, y);
        assertThat(m.predict(Frame.of(DoubleColumn.of("x", 0))).probabilities(0)).containsExactly(0.5, 0.5, 0.0);
        double[] weights = {1 / 0.05, 1 / 0.05, 1 / 0.05, 1 / 0.15, 1 / 0.25};
        double total = weights[0] + weights[1] + weights[2] + weights[3] + weights[4];
        double[] p = m.predict(Frame.of(DoubleColumn.of("x", 0.05))).probabilities(0);
        assertThat(p[0]).isCloseTo(weights[0] / total, within(1e-12));
        assertThat(p[2]).isCloseTo((weights[2] + weights[3] + weights[4]) / total, within(1e-12));
    }

    @Test
    void refusesBadSettingsAndData() {
        assertThatThrownBy(() -> new KNeighborsClassifier.Params(0, Weights.UNIFORM, Algorithm.AUTO, 30, 2))
                .hasMessage("nNeighbors must be >= 1, got 0");
        assertThatThrownBy(() -> new KNeighborsClassifier.Params(5, Weights.UNIFORM, Algorithm.AUTO, 0, 2))
                .hasMessage("leafSize must be >= 1, got 0");
        assertThatThrownBy(() -> new KNeighborsClassifier.Params(5, Weights.UNIFORM, Algorithm.AUTO, 30, 0.5))
                .hasMessage("p (the Minkowski order) must be a finite number >= 1, got 0.5");
        assertThatThrownBy(() -> new KNeighborsClassifier.Params(5, null, Algorithm.AUTO, 30, 2))
                .hasMessageContaining("weights must be UNIFORM or DISTANCE");
        Frame x = Frame.of(DoubleColumn.of("x", 0, 1, 2));
        Column y = TextColumn.of("y", "a", "b", "a");
        assertThatThrownBy(() -> new KNeighborsClassifier().fit(x, y))
                .hasMessage("knn-classifier: nNeighbors = 5 exceeds the 3 training rows; use at most 3");
        assertThatThrownBy(() -> new KNeighborsClassifier().fit(Frame.of(DoubleColumn.of("x", 0, Double.NaN, 2)), y))
                .hasMessageContaining("column 'x' has 1 missing value");
        KNeighborsClassifierModel m = new KNeighborsClassifier(new KNeighborsClassifier.Params(3, Weights.UNIFORM,
                Algorithm.AUTO, 30, 2)).fit(x, y);
        assertThatThrownBy(() -> m.predict(Frame.of(DoubleColumn.of("x", 1, Double.NaN))))
                .hasMessage("knn-classifier: column 'x' has 1 missing value; impute or drop them before predicting");
        assertThatThrownBy(() -> m.predict(Frame.of(DoubleColumn.of("z", 1))))
                .hasMessageContaining("was fitted on columns [x] but the data has no column 'x'");
    }

    private static ClassificationPrediction fit(KNeighborsClassifier.Params params) {
        Frame train = WINE.take(FIRST_150);
        KNeighborsClassifierModel m = new KNeighborsClassifier(params).fit(train, "target");
        return m.predict(WINE.take(LAST_28).drop("target"));
    }
}

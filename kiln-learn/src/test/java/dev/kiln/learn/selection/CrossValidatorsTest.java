package dev.kiln.learn.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.random.Rng;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CrossValidatorsTest {

    @Test
    void unshuffledKFoldCutsConsecutiveBlocksLikeScikitLearn() {
        // sklearn: [t for _, t in KFold(3).split(range(10))] → [0..3], [4..6], [7..9]
        List<Fold> folds = KFold.of(3).folds(10, null);
        assertThat(folds.get(0).test()).containsExactly(0, 1, 2, 3);
        assertThat(folds.get(1).test()).containsExactly(4, 5, 6);
        assertThat(folds.get(2).test()).containsExactly(7, 8, 9);
        assertThat(folds.get(1).train()).containsExactly(0, 1, 2, 3, 7, 8, 9);
    }

    @Test
    void everySplitterPartitionsTheRowsInEachRound() {
        Rng rng = Rng.seeded(5);
        for (int trial = 0; trial < 30; trial++) {
            int k = 2 + rng.nextInt(8);
            int classes = 2 + rng.nextInt(4);
            int rows = classes * k + rng.nextInt(200);
            Column y = randomClasses(rng, rows, classes, k);
            List<CrossValidator> validators = List.of(new KFold(k, rng.nextBoolean(), trial),
                    new StratifiedKFold(k, rng.nextBoolean(), trial), new RepeatedKFold(k, 2, trial % 2 == 0, trial));
            for (CrossValidator v : validators) {
                List<Fold> folds = v.folds(rows, y);
                int rounds = v instanceof RepeatedKFold r ? r.repeats() : 1;
                assertThat(folds).hasSize(k * rounds);
                for (int r = 0; r < rounds; r++) {
                    Set<Integer> tested = new HashSet<>();
                    for (Fold f : folds.subList(r * k, (r + 1) * k)) {
                        assertThat(f.train().length + f.test().length).isEqualTo(rows);
                        Set<Integer> train = new HashSet<>(Arrays.stream(f.train()).boxed().toList());
                        for (int t : f.test()) {
                            assertThat(train).as(v.describe()).doesNotContain(t);
                            assertThat(tested.add(t)).as("%s: row %d tested twice", v.describe(), t).isTrue();
                        }
                        assertThat(f.test().length).isBetween(rows / k - classesOf(y), rows / k + classesOf(y) + 1);
                    }
                    assertThat(tested).hasSize(rows);
                }
            }
        }
    }

    @Test
    void stratifiedFoldsKeepEachClassWithinOneRowOfItsShare() {
        Rng rng = Rng.seeded(9);
        Column y = randomClasses(rng, 503, 4, 5);
        int[] counts = new int[4];
        for (int i = 0; i < y.size(); i++) {
            counts[Integer.parseInt(y.text(i).substring(1))]++;
        }
        for (Fold f : new StratifiedKFold(5, true, 3).folds(503, y)) {
            int[] inFold = new int[4];
            for (int t : f.test()) {
                inFold[Integer.parseInt(y.text(t).substring(1))]++;
            }
            for (int c = 0; c < 4; c++) {
                assertThat((double) inFold[c]).isBetween(counts[c] / 5.0 - 1, counts[c] / 5.0 + 1);
            }
        }
    }

    @Test
    void shufflesAreSeededAndRepeatsDiffer() {
        List<Fold> a = new KFold(5, true, 7).folds(100, null);
        List<Fold> b = new KFold(5, true, 7).folds(100, null);
        List<Fold> c = new KFold(5, true, 8).folds(100, null);
        assertThat(a.get(0).test()).isEqualTo(b.get(0).test());
        assertThat(a.get(0).test()).isNotEqualTo(c.get(0).test());
        List<Fold> repeated = new RepeatedKFold(5, 2, false, 1).folds(100, null);
        assertThat(repeated.get(0).test()).isNotEqualTo(repeated.get(5).test());
        assertThat(new LeaveOneOut().folds(4, null)).extracting(f -> f.test()[0]).containsExactly(0, 1, 2, 3);
    }

    @Test
    void impossibleSplitsSayWhy() {
        assertThatThrownBy(() -> KFold.of(1)).hasMessageContaining("at least 2 splits");
        assertThatThrownBy(() -> KFold.of(5).folds(3, null)).hasMessage("cannot make 5 folds from 3 rows");
        Column tiny = CategoricalColumn.of("y", "a", "a", "b", "b", "a");
        assertThatThrownBy(() -> StratifiedKFold.of(4).folds(5, tiny))
                .hasMessageContaining("no class has 4 rows (the largest has 3)");
        assertThatThrownBy(() -> StratifiedKFold.of(2).folds(5, null)).hasMessageContaining("needs the target");
    }

    private static Column randomClasses(Rng rng, int rows, int classes, int atLeast) {
        String[] v = new String[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = "c" + (i < classes * atLeast ? i % classes : rng.nextInt(classes));
        }
        return CategoricalColumn.of("y", v);
    }

    private static int classesOf(Column y) {
        return (int) IntStream.range(0, y.size()).mapToObj(y::text).distinct().count();
    }
}

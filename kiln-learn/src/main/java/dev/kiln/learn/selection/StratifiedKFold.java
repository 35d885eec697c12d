package dev.kiln.learn.selection;

import dev.kiln.core.frame.Column;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.data.ClassTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * k-fold cross-validation that keeps each class's share in every fold, like scikit-learn's
 * {@code StratifiedKFold}: each class's rows (shuffled when asked) are cut into k nearly equal
 * consecutive parts, and a class's larger parts go to the folds that are smallest so far, so
 * fold sizes differ by at most one row per class.
 *
 * @param splits  k, at least 2
 * @param shuffle whether to shuffle each class's rows first
 * @param seed    the shuffle's seed
 */
public record StratifiedKFold(int splits, boolean shuffle, long seed) implements CrossValidator {

    public StratifiedKFold {
        if (splits < 2) {
            throw new IllegalArgumentException("stratified k-fold needs at least 2 splits, got " + splits);
        }
    }

    public static StratifiedKFold of(int splits) {
        return new StratifiedKFold(splits, false, 0);
    }

    @Override
    public List<Fold> folds(int rows, Column target) {
        if (target == null) {
            throw new IllegalArgumentException("stratified k-fold needs the target column");
        }
        ClassTarget y = ClassTarget.of(target, rows, "stratified k-fold");
        int[] counts = y.counts();
        int largest = Arrays.stream(counts).max().orElse(0);
        if (largest < splits) {
            throw new IllegalArgumentException("stratified k-fold: no class has " + splits
                    + " rows (the largest has " + largest + "); use fewer folds");
        }
        int[] codes = y.codes();
        int[] foldOf = new int[rows];
        int[] foldSize = new int[splits];
        Rng rng = Rng.seeded(seed);
        for (int k = 0; k < counts.length; k++) {
            int[] members = new int[counts[k]];
            int m = 0;
            for (int i = 0; i < rows; i++) {
                if (codes[i] == k) {
                    members[m++] = i;
                }
            }
            if (shuffle) {
                rng.stream(k).shuffle(members);
            }
            Integer[] order = new Integer[splits];
            for (int f = 0; f < splits; f++) {
                order[f] = f;
            }
            Arrays.sort(order, (a, b) -> foldSize[a] != foldSize[b] ? Integer.compare(foldSize[a], foldSize[b])
                    : Integer.compare(a, b));
            int start = 0;
            for (int j = 0; j < splits; j++) {
                int f = order[j];
                int size = members.length / splits + (j < members.length % splits ? 1 : 0);
                for (int i = start; i < start + size; i++) {
                    foldOf[members[i]] = f;
                }
                foldSize[f] += size;
                start += size;
            }
        }
        List<Fold> out = new ArrayList<>(splits);
        for (int f = 0; f < splits; f++) {
            int[] test = new int[foldSize[f]];
            int[] train = new int[rows - foldSize[f]];
            int t = 0;
            int r = 0;
            for (int i = 0; i < rows; i++) {
                if (foldOf[i] == f) {
                    test[t++] = i;
                } else {
                    train[r++] = i;
                }
            }
            out.add(new Fold(f, train, test));
        }
        return out;
    }

    @Override
    public String describe() {
        return splits + "-fold stratified" + (shuffle ? ", shuffled (seed " + seed + ")" : "");
    }
}

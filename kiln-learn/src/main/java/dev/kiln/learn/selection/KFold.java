package dev.kiln.learn.selection;

import dev.kiln.core.frame.Column;
import dev.kiln.core.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * k-fold cross-validation as scikit-learn's {@code KFold}: k consecutive blocks of rows (the
 * first n mod k one row larger), after a seeded shuffle when asked.
 *
 * @param splits  k, at least 2
 * @param shuffle whether to shuffle the rows first
 * @param seed    the shuffle's seed
 */
public record KFold(int splits, boolean shuffle, long seed) implements CrossValidator {

    public KFold {
        if (splits < 2) {
            throw new IllegalArgumentException("k-fold needs at least 2 splits, got " + splits);
        }
    }

    /** Five unshuffled folds, scikit-learn's default. */
    public static KFold of(int splits) {
        return new KFold(splits, false, 0);
    }

    @Override
    public List<Fold> folds(int rows, Column target) {
        if (rows < splits) {
            throw new IllegalArgumentException("cannot make " + splits + " folds from " + rows + " rows");
        }
        int[] order = shuffle ? Rng.seeded(seed).permutation(rows) : identity(rows);
        List<Fold> out = new ArrayList<>(splits);
        int start = 0;
        for (int f = 0; f < splits; f++) {
            int size = rows / splits + (f < rows % splits ? 1 : 0);
            out.add(fold(f, order, start, start + size));
            start += size;
        }
        return out;
    }

    @Override
    public String describe() {
        return splits + "-fold" + (shuffle ? ", shuffled (seed " + seed + ")" : "");
    }

    /** The fold whose test rows are {@code order[from, to)}. */
    static Fold fold(int index, int[] order, int from, int to) {
        int[] test = Arrays.copyOfRange(order, from, to);
        int[] train = new int[order.length - test.length];
        System.arraycopy(order, 0, train, 0, from);
        System.arraycopy(order, to, train, from, order.length - to);
        Arrays.sort(test);
        Arrays.sort(train);
        return new Fold(index, train, test);
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}

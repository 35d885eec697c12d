package dev.kiln.learn.selection;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.data.ClassTarget;
import java.util.Arrays;

/**
 * A split of row indices into training and test sets, random or stratified (each class in the
 * same proportion in both sets, as scikit-learn's {@code train_test_split(..., stratify=y)}).
 * Indices are sorted; the same seed gives the same split.
 *
 * @param train the training rows
 * @param test  the test rows
 */
public record TrainTestSplit(int[] train, int[] test) {

    public TrainTestSplit {
        train = train.clone();
        test = test.clone();
    }

    /** A random split of {@code rows} rows with {@code round(testFraction * rows)} test rows. */
    public static TrainTestSplit random(int rows, double testFraction, long seed) {
        int test = testCount(rows, testFraction);
        int[] order = Rng.seeded(seed).permutation(rows);
        return sorted(Arrays.copyOfRange(order, test, rows), Arrays.copyOfRange(order, 0, test));
    }

    /**
     * A split that keeps each class's share of the rows in both sets: each class contributes
     * its proportional number of test rows, rounded so the total is {@code round(testFraction * rows)}
     * (largest remainders first, ties to the larger class), chosen at random within the class.
     *
     * @throws IllegalArgumentException when a class has fewer than two rows
     */
    public static TrainTestSplit stratified(Column target, double testFraction, long seed) {
        ClassTarget y = ClassTarget.of(target, target.size(), "stratified split");
        int[] counts = y.counts();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] < 2) {
                throw new IllegalArgumentException("stratified split: class '" + y.classes().get(k) + "' has only "
                        + counts[k] + " row; every class needs at least 2");
            }
        }
        int n = target.size();
        int totalTest = testCount(n, testFraction);
        int[] perClass = apportion(counts, totalTest);
        int[] codes = y.codes();
        Rng rng = Rng.seeded(seed);
        int[] train = new int[n - totalTest];
        int[] test = new int[totalTest];
        int tr = 0;
        int te = 0;
        for (int k = 0; k < counts.length; k++) {
            int[] members = new int[counts[k]];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (codes[i] == k) {
                    members[m++] = i;
                }
            }
            rng.stream(k).shuffle(members);
            for (int j = 0; j < members.length; j++) {
                if (j < perClass[k]) {
                    test[te++] = members[j];
                } else {
                    train[tr++] = members[j];
                }
            }
        }
        return sorted(train, test);
    }

    /** The training rows of {@code frame}. */
    public Frame train(Frame frame) {
        return frame.take(train);
    }

    /** The test rows of {@code frame}. */
    public Frame test(Frame frame) {
        return frame.take(test);
    }

    /** {@code total} split across classes in proportion to {@code counts}, by largest remainder. */
    static int[] apportion(int[] counts, int total) {
        int n = Arrays.stream(counts).sum();
        int[] out = new int[counts.length];
        double[] remainder = new double[counts.length];
        int given = 0;
        for (int k = 0; k < counts.length; k++) {
            double exact = (double) counts[k] * total / n;
            out[k] = (int) Math.floor(exact);
            remainder[k] = exact - out[k];
            given += out[k];
        }
        Integer[] order = new Integer[counts.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> remainder[a] != remainder[b] ? Double.compare(remainder[b], remainder[a])
                : counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
        for (int i = 0; given < total; i++) {
            out[order[i % order.length]]++;
            given++;
        }
        return out;
    }

    private static int testCount(int rows, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        int test = (int) Math.round(testFraction * rows);
        if (test == 0 || test == rows) {
            throw new IllegalArgumentException("a test fraction of " + testFraction + " of " + rows
                    + " rows leaves an empty training or test set");
        }
        return test;
    }

    private static TrainTestSplit sorted(int[] train, int[] test) {
        Arrays.sort(train);
        Arrays.sort(test);
        return new TrainTestSplit(train, test);
    }
}

package dev.kiln.learn.preprocess.outlier;

import dev.kiln.core.frame.Frame;

/**
 * Fitted fences that say which rows hold a value outside them. Dropping those rows cannot be a
 * pipeline step — a fitted step keeps every row and never sees the target — so drop them
 * before fitting: {@code train.take(d.inlierRows(train))} and the same rows of the target.
 */
public interface OutlierDetector {

    /** For each row of {@code features}: whether any fenced column is outside its fences (missing values never are). */
    boolean[] isOutlier(Frame features);

    /** The rows with no value outside the fences, in order. */
    default int[] inlierRows(Frame features) {
        return rows(isOutlier(features), false);
    }

    /** The rows with a value outside the fences, in order. */
    default int[] outlierRows(Frame features) {
        return rows(isOutlier(features), true);
    }

    private static int[] rows(boolean[] outlier, boolean wanted) {
        int n = 0;
        for (boolean o : outlier) {
            n += o == wanted ? 1 : 0;
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < outlier.length; i++) {
            if (outlier[i] == wanted) {
                out[k++] = i;
            }
        }
        return out;
    }
}

package dev.kiln.learn.linear;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.metrics.RegressionMetrics;
import dev.kiln.learn.parity.ParityData;
import dev.kiln.learn.selection.TrainTestSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A parity data set split 70/30 (seed 42), missing values imputed with the training median and
 * every feature standardised with the training mean and population standard deviation (1 where
 * that is 0), exactly as the scikit-learn side of the parity figures prepares it:
 *
 * <pre>
 * import numpy as np, pandas as pd
 * D = "kiln-learn/src/test/resources/datasets/"
 * def prep(name, target):
 *     d = pd.read_csv(D + name + "/" + name + ".csv")
 *     s = pd.read_csv(D + name + "/split-70-30-seed42.csv")["set"].values
 *     y = d[target].values
 *     X = d.drop(columns=[target]).select_dtypes("number").values.astype(float)
 *     tr, te = s == "train", s == "test"
 *     X = np.where(np.isnan(X), np.nanmedian(X[tr], axis=0), X)
 *     mu, sd = X[tr].mean(axis=0), X[tr].std(axis=0)
 *     sd[sd == 0] = 1
 *     X = (X - mu) / sd
 *     return X[tr], y[tr], X[te], y[te]
 * </pre>
 *
 * ames_housing's numeric columns have no missing values in this copy, so the imputation changes
 * nothing there; it is kept so both sides stay the same if the data change.
 */
record Standardized(Frame train, Column trainTarget, Frame test, Column testTarget) {

    static Standardized of(ParityData data) {
        Frame features = data.features();
        Column target = data.targetColumn();
        TrainTestSplit split = data.computedSplit();
        int[] train = split.train();
        List<Column> trainColumns = new ArrayList<>();
        List<Column> testColumns = new ArrayList<>();
        for (Column c : features.columns()) {
            double[] v = c.toDoubles();
            double median = median(v, train);
            double mean = 0;
            for (int i : train) {
                v[i] = Double.isNaN(v[i]) ? median : v[i];
                mean += v[i];
            }
            mean /= train.length;
            double var = 0;
            for (int i : train) {
                var += (v[i] - mean) * (v[i] - mean);
            }
            double sd = Math.sqrt(var / train.length);
            double scale = sd == 0 ? 1 : sd;
            double[] z = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                z[i] = ((Double.isNaN(v[i]) ? median : v[i]) - mean) / scale;
            }
            DoubleColumn standardised = DoubleColumn.of(c.name(), z);
            trainColumns.add(standardised.take(train));
            testColumns.add(standardised.take(split.test()));
        }
        return new Standardized(Frame.of(trainColumns), target.take(train), Frame.of(testColumns),
                target.take(split.test()));
    }

    /** The fraction of test rows whose predicted class name is the true one. */
    double accuracy(ClassificationPrediction prediction) {
        int correct = 0;
        for (int i = 0; i < testTarget.size(); i++) {
            if (prediction.label(i).equals(testTarget.text(i))) {
                correct++;
            }
        }
        return (double) correct / testTarget.size();
    }

    /** R² of predictions of the test rows. */
    double r2(double[] predicted) {
        return RegressionMetrics.r2(testTarget.toDoubles(), predicted);
    }

    private static double median(double[] v, int[] rows) {
        double[] present = Arrays.stream(rows).mapToDouble(i -> v[i]).filter(d -> !Double.isNaN(d)).sorted().toArray();
        int m = present.length;
        return m % 2 == 1 ? present[m / 2] : 0.5 * (present[m / 2 - 1] + present[m / 2]);
    }
}

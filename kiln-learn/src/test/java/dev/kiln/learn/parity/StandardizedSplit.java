package dev.kiln.learn.parity;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.metrics.RegressionMetrics;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.learn.selection.TrainTestSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A parity data set's fixed split with its features prepared as the scikit-learn side prepares
 * them: missing values replaced by the training column's median, then each column standardised
 * with the training mean and population standard deviation (1 where that is 0). On the Python
 * side, with {@code Xtr, Xte} the numeric feature columns of the train and test rows:
 * <pre>
 * med = np.nanmedian(Xtr, axis=0)
 * Xtr = np.where(np.isnan(Xtr), med, Xtr); Xte = np.where(np.isnan(Xte), med, Xte)
 * mu, sd = Xtr.mean(0), Xtr.std(0); sd[sd == 0] = 1
 * Xtr, Xte = (Xtr - mu) / sd, (Xte - mu) / sd
 * </pre>
 */
public record StandardizedSplit(Frame trainFeatures, Column trainTarget, Frame testFeatures, Column testTarget) {

    public static StandardizedSplit of(ParityData data) {
        TrainTestSplit split = data.computedSplit();
        Frame x = data.features();
        Column y = data.targetColumn();
        List<Column> train = new ArrayList<>();
        List<Column> test = new ArrayList<>();
        for (Column c : x.columns()) {
            double[] all = c.toDoubles();
            double[] tr = pick(all, split.train());
            double[] te = pick(all, split.test());
            double median = median(tr);
            fill(tr, median);
            fill(te, median);
            train.add(DoubleColumn.of(c.name(), standardize(tr, tr)));
            test.add(DoubleColumn.of(c.name(), standardize(te, tr)));
        }
        return new StandardizedSplit(Frame.of(train), y.take(split.train()), Frame.of(test), y.take(split.test()));
    }

    /**
     * {@code (v - mean) / sd} for every v of {@code values}, with the mean and population standard
     * deviation of {@code reference} (sd taken as 1 where it is 0).
     */
    public static double[] standardize(double[] values, double[] reference) {
        double mean = Arrays.stream(reference).sum() / reference.length;
        double ss = 0;
        for (double v : reference) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / reference.length);
        double scale = sd == 0 ? 1 : sd;
        return Arrays.stream(values).map(v -> (v - mean) / scale).toArray();
    }

    /** The share of test rows whose predicted class is their true class. */
    public double accuracy(ClassificationPrediction predicted) {
        int right = 0;
        for (int i = 0; i < testTarget.size(); i++) {
            if (predicted.label(i).equals(testTarget.text(i))) {
                right++;
            }
        }
        return right / (double) testTarget.size();
    }

    /** R² of {@code predicted} on the test rows. */
    public double r2(RegressionPrediction predicted) {
        return RegressionMetrics.r2(testTarget.toDoubles(), predicted.values());
    }

    private static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static double median(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = present.length;
        return n == 0 ? 0 : n % 2 == 1 ? present[n / 2] : (present[n / 2 - 1] + present[n / 2]) / 2;
    }

    private static void fill(double[] values, double with) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                values[i] = with;
            }
        }
    }
}

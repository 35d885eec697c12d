package dev.kiln.learn.parity;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.metrics.ClassificationMetrics;
import dev.kiln.core.metrics.RegressionMetrics;
import dev.kiln.core.model.ClassificationModel;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.RegressionModel;
import dev.kiln.learn.selection.TrainTestSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The training and test features of a parity data set made numeric the way the scikit-learn
 * side of the comparison makes them, inline so both sides are visibly the same, and the test
 * score of a model fitted on them: accuracy for classification, R² for regression, as
 * scikit-learn's {@code score}. The scikit-learn side:
 * <pre>
 * df = pd.read_csv(f"{name}/{name}.csv")
 * train = (pd.read_csv(f"{name}/split-70-30-seed42.csv").set == "train").values
 * y = df[target]; X = df.drop(columns=[target, *restatements_of_the_target])
 * if name == "ames_housing":
 *     X = X.select_dtypes("number")
 * for c in X.columns:                   # german_credit: ordinal codes in sorted level order
 *     if X[c].dtype == object:
 *         X[c] = X[c].map({v: i for i, v in enumerate(sorted(X[c].unique()))})
 *     X = X.fillna(X[train].median())       # ames_housing: training medians for missing values
 * Xtr, Xte, ytr, yte = X[train], X[~train], y[train], y[~train]
 * </pre>
 *
 * @param train the training features
 * @param test  the test features
 * @param trainTarget the training target
 * @param testTarget  the test target
 */
public record ParityInputs(Frame train, Frame test, Column trainTarget, Column testTarget) {

    /** The split features and target of {@code d}, encoded and imputed. */
    public static ParityInputs of(ParityData d) {
        Frame x = ordinalCodes(d.features());
        TrainTestSplit s = d.computedSplit();
        x = medianImputed(x, s.train());
        Column y = d.targetColumn();
        return new ParityInputs(x.take(s.train()), x.take(s.test()), y.take(s.train()), y.take(s.test()));
    }

    /** The test score of a model {@code estimator} fits on the training rows. */
    public double score(Estimator<? extends Model<?>> estimator) {
        Model<?> m = estimator.fit(train, trainTarget);
        if (m instanceof ClassificationModel c) {
            int[] truth = new int[testTarget.size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = c.classes().indexOf(testTarget.text(i));
            }
            return ClassificationMetrics.accuracy(truth, c.predict(test).labels());
        }
        return RegressionMetrics.r2(testTarget.toDoubles(), ((RegressionModel) m).predict(test).values());
    }

    /** The mean test score over seeds 0 to {@code seeds} − 1 of the estimators {@code estimator} makes. */
    public double meanScore(int seeds, java.util.function.LongFunction<Estimator<? extends Model<?>>> estimator) {
        double sum = 0;
        for (int s = 0; s < seeds; s++) {
            sum += score(estimator.apply(s));
        }
        return sum / seeds;
    }

    private static Frame ordinalCodes(Frame x) {
        List<Column> out = new ArrayList<>();
        for (Column c : x.columns()) {
            if (c instanceof CategoricalColumn || c instanceof TextColumn) {
                TreeSet<String> levels = new TreeSet<>();
                for (int i = 0; i < c.size(); i++) {
                    levels.add(c.text(i));
                }
                List<String> sorted = new ArrayList<>(levels);
                double[] codes = new double[c.size()];
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = sorted.indexOf(c.text(i));
                }
                out.add(DoubleColumn.of(c.name(), codes));
            } else {
                out.add(c);
            }
        }
        return Frame.of(out);
    }

    private static Frame medianImputed(Frame x, int[] trainRows) {
        List<Column> out = new ArrayList<>();
        for (Column c : x.columns()) {
            if (c.missingCount() == 0) {
                out.add(c);
                continue;
            }
            double[] seen = Arrays.stream(trainRows).filter(i -> !c.isMissing(i)).mapToDouble(c::getDouble).sorted().toArray();
            int m = seen.length;
            double median = m % 2 == 1 ? seen[m / 2] : (seen[m / 2 - 1] + seen[m / 2]) / 2;
            double[] v = new double[c.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = c.isMissing(i) ? median : c.getDouble(i);
            }
            out.add(DoubleColumn.of(c.name(), v));
        }
        return Frame.of(out);
    }
}

package dev.kiln.learn.select;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.model.FeatureImportances;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.Transformer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Recursive feature elimination (Guyon, Weston, Barnhill and Vapnik, Machine Learning 46, 2002),
 * as scikit-learn's {@code RFE}: fit the estimator on the remaining columns, remove the
 * {@code step} columns its {@link FeatureImportances} rank lowest, and repeat until
 * {@code nFeaturesToSelect} remain; then fit it once more on those. Works on every column of
 * the frame it is given, so the estimator must accept them. Among equal importances the
 * earlier column goes first (scikit-learn's sort leaves that order unspecified).
 */
public final class Rfe implements Transformer {
    static final String WHO = "rfe";

    /**
     * @param nFeaturesToSelect how many columns to keep; null for half of them, rounded down (scikit-learn: None)
     * @param step              how many columns to remove per round (1)
     */
    public record Params(Integer nFeaturesToSelect, int step) {
        public Params {
            if (nFeaturesToSelect != null && nFeaturesToSelect < 1) {
                throw new IllegalArgumentException(WHO + ": nFeaturesToSelect must be >= 1, got " + nFeaturesToSelect);
            }
            if (step < 1) {
                throw new IllegalArgumentException(WHO + ": step must be >= 1, got " + step);
            }
        }

        public static Params defaults() {
            return new Params(null, 1);
        }
    }

    private final Estimator<? extends Model<?>> estimator;
    private final Params params;

    /** Eliminates by the importances of {@code estimator}'s models. */
    public <M extends Model<?> & FeatureImportances> Rfe(Estimator<M> estimator, Params params) {
        this.estimator = java.util.Objects.requireNonNull(estimator, "estimator");
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public <M extends Model<?> & FeatureImportances> Rfe(Estimator<M> estimator) {
        this(estimator, Params.defaults());
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedRfe fit(Frame features, Column target) {
        List<String> all = features.names();
        int p = all.size();
        int wanted = params.nFeaturesToSelect() == null ? p / 2 : params.nFeaturesToSelect();
        if (wanted < 1 || wanted > p) {
            throw new IllegalArgumentException(WHO + ": cannot keep " + wanted + " of " + p + " columns");
        }
        int[] ranking = new int[p];
        Arrays.fill(ranking, 1);
        List<Integer> remaining = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            remaining.add(j);
        }
        while (remaining.size() > wanted) {
            double[] importances = importances(fitOn(features, all, remaining, target), remaining.size());
            Integer[] order = new Integer[remaining.size()];
            for (int q = 0; q < order.length; q++) {
                order[q] = q;
            }
            Arrays.sort(order, Comparator.comparingDouble(q -> importances[q]));
            int remove = Math.min(params.step(), remaining.size() - wanted);
            List<Integer> gone = new ArrayList<>();
            for (int q = 0; q < remove; q++) {
                gone.add(remaining.get(order[q]));
            }
            remaining.removeAll(gone);
            for (int j = 0; j < p; j++) {
                if (!remaining.contains(j)) {
                    ranking[j]++;
                }
            }
        }
        Model<?> model = fitOn(features, all, remaining, target);
        List<String> selected = remaining.stream().map(all::get).toList();
        return new FittedRfe(params, features.schema(), ranking, selected, model);
    }

    private Model<?> fitOn(Frame features, List<String> all, List<Integer> columns, Column target) {
        return estimator.fit(features.select(columns.stream().map(all::get).toList()), target);
    }

    private static double[] importances(Model<?> model, int expected) {
        double[] out = ((FeatureImportances) model).featureImportances();
        if (out.length != expected) {
            throw new IllegalStateException(WHO + ": the model gave " + out.length + " importances for " + expected + " columns");
        }
        return out;
    }
}

package dev.kiln.learn.selection;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-fold metrics and timings of a cross-validation, with their means and standard deviations
 * (population, as scikit-learn's {@code cross_validate} users compute with numpy).
 */
public record CrossValidationResult(String validator, List<FoldResult> folds) {

    public CrossValidationResult {
        folds = List.copyOf(folds);
    }

    /** The metrics every fold reported, in report order. */
    public Set<String> metrics() {
        Set<String> names = new LinkedHashSet<>(folds.get(0).metrics().keySet());
        for (FoldResult f : folds) {
            names.retainAll(f.metrics().keySet());
        }
        return names;
    }

    public double mean(String metric) {
        return folds.stream().mapToDouble(f -> value(f, metric)).average().orElse(Double.NaN);
    }

    public double std(String metric) {
        double m = mean(metric);
        return Math.sqrt(folds.stream().mapToDouble(f -> (value(f, metric) - m) * (value(f, metric) - m)).average().orElse(Double.NaN));
    }

    public double meanFitSeconds() {
        return folds.stream().mapToDouble(FoldResult::fitSeconds).average().orElse(Double.NaN);
    }

    public double meanScoreSeconds() {
        return folds.stream().mapToDouble(FoldResult::scoreSeconds).average().orElse(Double.NaN);
    }

    /** {@code metric → {mean, std}} for every metric. */
    public Map<String, Map<String, Double>> summary() {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (String m : metrics()) {
            out.put(m, Map.of("mean", mean(m), "std", std(m)));
        }
        return out;
    }

    private static double value(FoldResult f, String metric) {
        Double v = f.metrics().get(metric);
        if (v == null) {
            throw new IllegalArgumentException("fold " + f.fold() + " has no metric '" + metric + "'; it has "
                    + f.metrics().keySet());
        }
        return v;
    }
}

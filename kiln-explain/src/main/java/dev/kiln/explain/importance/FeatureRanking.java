package dev.kiln.explain.importance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One importance score per feature, with the spread of that score where it has one (the standard
 * deviation over permutation repeats; zero otherwise).
 *
 * @param measure  what the scores are, e.g. {@code "mean |SHAP|"} or {@code "drop in accuracy"}
 * @param features the feature names
 * @param scores   one score per feature
 * @param spreads  one standard deviation per feature
 */
public record FeatureRanking(String measure, List<String> features, double[] scores, double[] spreads) {

    public FeatureRanking {
        features = List.copyOf(features);
        if (scores.length != features.size() || spreads.length != features.size()) {
            throw new IllegalArgumentException(features.size() + " features but " + scores.length + " scores and "
                    + spreads.length + " spreads");
        }
        scores = scores.clone();
        spreads = spreads.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    @Override
    public double[] spreads() {
        return spreads.clone();
    }

    /** The score of one feature. */
    public double score(String feature) {
        int i = features.indexOf(feature);
        if (i < 0) {
            throw new IllegalArgumentException("no feature '" + feature + "'; the features are " + features);
        }
        return scores[i];
    }

    /** The same ranking ordered by decreasing score (ties keep their order). */
    public FeatureRanking sorted() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -scores[i]));
        List<String> f = new ArrayList<>();
        double[] s = new double[scores.length];
        double[] d = new double[scores.length];
        for (int k = 0; k < s.length; k++) {
            f.add(features.get(order.get(k)));
            s[k] = scores[order.get(k)];
            d[k] = spreads[order.get(k)];
        }
        return new FeatureRanking(measure, f, s, d);
    }

    /** Feature to score, in this ranking's order. */
    public Map<String, Double> byFeature() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            map.put(features.get(i), scores[i]);
        }
        return map;
    }
}

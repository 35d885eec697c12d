package dev.kiln.explain;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explanations as the JSON objects {@code kiln explain --json} prints and the server's explain
 * route answers (maps of snake_case keys, ready for any JSON writer).
 */
public final class ExplanationJson {
    private ExplanationJson() {
    }

    /**
     * One row: {@code method, output, class} (classifiers), {@code base_value, prediction},
     * {@code values} (feature → contribution) and {@code feature_values} (the row's input values
     * of those features: numbers, text, or null where missing or not in {@code rows}).
     */
    public static Map<String, Object> row(Explanation e, Frame rows, int row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", e.method());
        out.put("output", e.output().jsonName());
        if (e.outputClass() != null) {
            out.put("class", e.outputClass());
        }
        out.put("base_value", e.baseValue());
        out.put("prediction", e.prediction());
        out.put("values", e.byFeature());
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (String f : e.features()) {
            inputs.put(f, rows.hasColumn(f) ? cell(rows.column(f), row) : null);
        }
        out.put("feature_values", inputs);
        return out;
    }

    /**
     * Many rows: {@code method, output}, {@code rows} (each as {@link #row} with its index under
     * {@code row}) and {@code mean_abs}, each feature's mean |contribution|, largest first.
     */
    public static Map<String, Object> all(List<Explanation> explanations, Frame rows) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", explanations.isEmpty() ? null : explanations.get(0).method());
        out.put("output", explanations.isEmpty() ? null : explanations.get(0).output().jsonName());
        List<Map<String, Object>> list = new ArrayList<>(explanations.size());
        for (int i = 0; i < explanations.size(); i++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("row", i);
            one.putAll(row(explanations.get(i), rows, i));
            list.add(one);
        }
        out.put("rows", list);
        out.put("mean_abs", meanAbs(explanations));
        return out;
    }

    /** Each feature's mean |contribution| over the explanations, largest first. */
    public static Map<String, Double> meanAbs(List<Explanation> explanations) {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (Explanation e : explanations) {
            e.byFeature().forEach((f, v) -> sums.merge(f, Math.abs(v) / explanations.size(), Double::sum));
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        sums.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(en -> sorted.put(en.getKey(), en.getValue()));
        return sorted;
    }

    /** A cell as JSON: a number for numeric and boolean columns, text otherwise, null where missing. */
    public static Object cell(Column c, int row) {
        if (c.isMissing(row)) {
            return null;
        }
        return c.type().isNumeric() ? (Object) c.getDouble(row) : c.text(row);
    }
}

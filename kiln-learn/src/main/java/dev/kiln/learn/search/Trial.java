package dev.kiln.learn.search;

import java.util.Map;

/**
 * One evaluated set of hyperparameters: the cross-validated mean and standard deviation of the
 * search's metric, the time it took, or the reason it could not be evaluated.
 *
 * @param index      the trial's number, from 0
 * @param params     the hyperparameters tried
 * @param mean       mean score over the folds (NaN when it failed)
 * @param std        standard deviation over the folds
 * @param fitSeconds mean time to fit one fold
 * @param error      why the trial failed, or null
 */
public record Trial(int index, Map<String, Object> params, double mean, double std, double fitSeconds, String error) {

    public Trial {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    public boolean failed() {
        return error != null;
    }

    /** The parameters as "a=1, b=rbf". */
    public String describeParams() {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(format(v)));
        return sb.toString();
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                    : String.format(java.util.Locale.ROOT, "%.4g", d);
        }
        return String.valueOf(v);
    }
}

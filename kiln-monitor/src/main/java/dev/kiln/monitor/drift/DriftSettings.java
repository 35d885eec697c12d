package dev.kiln.monitor.drift;

import java.util.Map;
import java.util.Optional;

/**
 * How {@link DataDrift} decides: the share of drifted columns that makes the data set drift
 * (Evidently's {@code drift_share}, default 0.5), a method for every column or for some, and
 * thresholds likewise. A column's own setting wins over the global one, which wins over
 * Evidently's default for the column.
 *
 * @param driftShare        dataset drift when at least this share of the columns drift, in (0, 1]
 * @param method            the method for every column without its own, or null for Evidently's choice
 * @param methodByColumn    methods for named columns
 * @param threshold         the threshold for every column without its own, or null for the method's default
 * @param thresholdByColumn thresholds for named columns
 */
public record DriftSettings(double driftShare, DriftMethod method, Map<String, DriftMethod> methodByColumn,
                            Double threshold, Map<String, Double> thresholdByColumn) {
    /** Evidently's default share of drifted columns for dataset drift. */
    public static final double DEFAULT_DRIFT_SHARE = 0.5;

    public DriftSettings {
        if (!(driftShare > 0 && driftShare <= 1)) {
            throw new IllegalArgumentException("drift share must be in (0, 1], got " + driftShare);
        }
        methodByColumn = Map.copyOf(methodByColumn);
        thresholdByColumn = Map.copyOf(thresholdByColumn);
        if (threshold != null) {
            checkThreshold("the threshold", threshold);
        }
        thresholdByColumn.forEach((column, t) -> checkThreshold("the threshold of column '" + column + "'", t));
    }

    private static void checkThreshold(String what, double t) {
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException(what + " must be a positive number, got " + t);
        }
    }

    /** Evidently's defaults: drift share 0.5, its choice of method and threshold for each column. */
    public static DriftSettings defaults() {
        return new DriftSettings(DEFAULT_DRIFT_SHARE, null, Map.of(), null, Map.of());
    }

    public DriftSettings withDriftShare(double share) {
        return new DriftSettings(share, method, methodByColumn, threshold, thresholdByColumn);
    }

    public DriftSettings withMethod(DriftMethod m) {
        return new DriftSettings(driftShare, m, methodByColumn, threshold, thresholdByColumn);
    }

    public DriftSettings withMethods(Map<String, DriftMethod> byColumn) {
        return new DriftSettings(driftShare, method, byColumn, threshold, thresholdByColumn);
    }

    public DriftSettings withThreshold(Double t) {
        return new DriftSettings(driftShare, method, methodByColumn, t, thresholdByColumn);
    }

    public DriftSettings withThresholds(Map<String, Double> byColumn) {
        return new DriftSettings(driftShare, method, methodByColumn, threshold, byColumn);
    }

    /** The method for a column: its own, else the global one, else Evidently's default for it. */
    DriftMethod methodFor(ColumnPair pair) {
        DriftMethod m = Optional.ofNullable(methodByColumn.get(pair.name())).orElse(method);
        return m != null ? m : DriftMethod.evidentlyDefault(pair);
    }

    /** The threshold for a column: its own, else the global one, else the method's default. */
    double thresholdFor(String column, DriftMethod m) {
        Double t = Optional.ofNullable(thresholdByColumn.get(column)).orElse(threshold);
        return t != null ? t : m.defaultThreshold();
    }
}

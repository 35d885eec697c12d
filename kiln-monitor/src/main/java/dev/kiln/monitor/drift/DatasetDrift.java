package dev.kiln.monitor.drift;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict on a whole data set, as Evidently's {@code get_dataset_drift} gives it: drift when
 * the share of drifted columns is at least the drift share.
 *
 * @param columns        each tested column's verdict, in the order asked
 * @param driftShareThreshold the share of drifted columns that makes dataset drift
 * @param skipped        columns left out, with the reason
 */
public record DatasetDrift(List<ColumnDrift> columns, double driftShareThreshold, Map<String, String> skipped) {

    public DatasetDrift {
        columns = List.copyOf(columns);
        skipped = Map.copyOf(skipped);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no column to test for drift");
        }
    }

    public int numberOfColumns() {
        return columns.size();
    }

    public int numberOfDriftedColumns() {
        return (int) columns.stream().filter(ColumnDrift::drift).count();
    }

    /** The share of drifted columns. */
    public double driftShare() {
        return (double) numberOfDriftedColumns() / numberOfColumns();
    }

    public boolean datasetDrift() {
        return driftShare() >= driftShareThreshold;
    }

    /** The JSON form: dataset_drift, drift_share, drift_share_threshold, counts, and columns by name. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset_drift", datasetDrift());
        out.put("drift_share", driftShare());
        out.put("drift_share_threshold", driftShareThreshold);
        out.put("number_of_columns", numberOfColumns());
        out.put("number_of_drifted_columns", numberOfDriftedColumns());
        Map<String, Object> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.column(), c.toMap()));
        out.put("columns", byName);
        if (!skipped.isEmpty()) {
            out.put("skipped_columns", new java.util.TreeMap<>(skipped));
        }
        return out;
    }
}

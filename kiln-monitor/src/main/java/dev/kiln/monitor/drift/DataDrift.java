package dev.kiln.monitor.drift;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.progress.Progress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Column-by-column data drift between a reference frame and a current frame, after Evidently's
 * DataDriftPreset: each column's non-missing values are compared by the method
 * {@link DriftSettings} names or, by default, the one Evidently picks
 * ({@link DriftMethod#evidentlyDefault}), and the data set drifts when the share of drifted
 * columns reaches the drift share. Immutable and thread-safe.
 */
public final class DataDrift {
    private final DriftSettings settings;

    public DataDrift(DriftSettings settings) {
        this.settings = settings;
    }

    public DriftSettings settings() {
        return settings;
    }

    /** Compares every column of the reference (text columns are skipped: free text needs embeddings). */
    public DatasetDrift compare(Frame reference, Frame current) {
        return compare(reference, current, List.of());
    }

    /**
     * Compares the named columns (all the reference's when empty), each of which both frames must
     * hold with compatible types.
     */
    public DatasetDrift compare(Frame reference, Frame current, List<String> columns) {
        try (Progress progress = Progress.start("drift", columns.isEmpty() ? reference.columnCount() : columns.size())) {
            return compare(reference, current, columns, progress);
        }
    }

    /** As {@link #compare(Frame, Frame, List)}, a step of {@code progress} per column (a server watching traffic reports none). */
    public DatasetDrift compare(Frame reference, Frame current, List<String> columns, Progress progress) {
        boolean implicit = columns.isEmpty();
        List<String> names = implicit ? reference.names() : columns;
        for (String name : names) {
            if (!reference.hasColumn(name)) {
                throw new IllegalArgumentException("no column '" + name + "' in the reference data; it has: "
                        + String.join(", ", reference.names()));
            }
            if (!current.hasColumn(name)) {
                throw new IllegalArgumentException("no column '" + name + "' in the current data; it has: "
                        + String.join(", ", current.names()));
            }
        }
        Set<String> configured = new HashSet<>(settings.methodByColumn().keySet());
        configured.addAll(settings.thresholdByColumn().keySet());
        configured.removeAll(names);
        if (!configured.isEmpty()) {
            throw new IllegalArgumentException("a method or threshold is set for " + configured
                    + ", which is not among the compared columns " + names);
        }
        List<ColumnDrift> results = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (String name : names) {
            Column r = reference.column(name);
            Column c = current.column(name);
            if (r.type() == ColumnType.TEXT && c.type() == ColumnType.TEXT) {
                if (!implicit) {
                    throw new IllegalArgumentException("column '" + name + "' is free text; drift tests compare numbers or"
                            + " categories (leave it out, or compare embeddings of the text)");
                }
                skipped.put(name, "free text (compare embeddings of it instead)");
            } else {
                results.add(test(ColumnPair.of(r, c)));
            }
            progress.step();
        }
        return new DatasetDrift(results, settings.driftShare(), skipped);
    }

    /** One column's verdict. */
    public ColumnDrift test(ColumnPair pair) {
        DriftMethod method = settings.methodFor(pair);
        if (method.numericOnly() && pair.kind() != ColumnKind.NUMERICAL) {
            throw new IllegalArgumentException("method " + method.label() + " compares numbers; column '" + pair.name()
                    + "' is categorical (use chisquare, z, psi, jensenshannon or hellinger)");
        }
        double threshold = settings.thresholdFor(pair.name(), method);
        TestStatistic s = method.measure(pair);
        return new ColumnDrift(pair.name(), pair.kind(), method, s.statistic(), s.pValue(), threshold,
                method.drifted(s, threshold), pair.referenceSize(), pair.currentSize(),
                pair.missingReference(), pair.missingCurrent(), Histogram.of(pair));
    }
}

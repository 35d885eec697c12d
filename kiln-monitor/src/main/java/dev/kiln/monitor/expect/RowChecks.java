package dev.kiln.monitor.expect;

import dev.kiln.core.frame.Column;

import dev.kiln.monitor.profile.FrequentItems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/** The row-by-row part shared by expectations that test each present value of a column. */
final class RowChecks {
    private RowChecks() {
    }

    /**
     * Tests every present value of {@code column} with {@code ok}; the expectation holds when at
     * least {@code mostly} of them pass.
     */
    static ExpectationResult check(Expectation e, Column column, double mostly, Detail detail, IntPredicate ok) {
        long examined = 0;
        long bad = 0;
        List<Integer> rows = new ArrayList<>();
        List<String> values = new ArrayList<>();
        Map<String, Long> counts = new HashMap<>();
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                continue;
            }
            examined++;
            if (!ok.test(row)) {
                bad++;
                String value = column.text(row);
                if (values.size() < detail.rowLimit()) {
                    values.add(value);
                    if (detail != Detail.BASIC) {
                        rows.add(row);
                    }
                }
                if (detail != Detail.BASIC) {
                    counts.merge(value, 1L, Long::sum);
                }
            }
        }
        double passing = examined == 0 ? 1 : (double) (examined - bad) / examined;
        return new ExpectationResult(e, passing >= mostly, passing, examined, bad, rows, values,
                FrequentItems.largest(counts, Detail.PARTIAL), null, List.of());
    }

    static void checkMostly(double mostly) {
        if (!(mostly > 0 && mostly <= 1)) {
            throw new IllegalArgumentException("mostly must be in (0, 1], got " + mostly);
        }
    }

    static void checkColumn(String column) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("a column name is required");
        }
    }
}

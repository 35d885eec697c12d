package dev.kiln.serve.monitor;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.monitor.expect.Detail;
import dev.kiln.monitor.expect.Expectation;
import dev.kiln.monitor.expect.ExpectationResult;
import dev.kiln.monitor.expect.ExpectationSuite;
import dev.kiln.serve.input.InstanceReader;
import dev.kiln.serve.input.Instances;
import dev.kiln.serve.input.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a model's expectations that one request can break, checked value by value as
 * TFDV checks serving examples against a schema: {@code range}, {@code allowed_values} and
 * {@code regex} on every present value, and {@code not_null} where the column was never missing
 * in training ({@code mostly} = 1). Tolerances below 1 and statements about a whole data set
 * (means, quantiles, distributions, uniqueness, row counts) are judged over the window of recent
 * rows instead ({@link DriftWatch}); types and the column set are the input schema's business;
 * expectations about columns the model does not read are left out.
 */
public final class RequestCheck {
    private final List<Expectation> checked;

    public RequestCheck(ExpectationSuite suite, Schema inputs) {
        List<Expectation> out = new ArrayList<>();
        for (Expectation e : suite.expectations()) {
            if (e.column() != null && inputs.names().contains(e.column()) && perValue(e)) {
                out.add(e);
            }
        }
        this.checked = List.copyOf(out);
    }

    private static boolean perValue(Expectation e) {
        return switch (e) {
            case Expectation.NotNull n -> n.mostly() == 1;
            case Expectation.InRange r -> true;
            case Expectation.InSet s -> true;
            case Expectation.MatchesRegex m -> true;
            default -> false;
        };
    }

    /** The expectations checked on each request. */
    public List<Expectation> checked() {
        return checked;
    }

    /** Every value of {@code instances} that fails a checked expectation. */
    public Findings check(Instances instances) {
        Frame frame = instances.frame();
        List<Violation> listed = new ArrayList<>();
        Map<Failure, Integer> counts = new LinkedHashMap<>();
        int total = 0;
        for (Expectation e : checked) {
            ExpectationResult r = e.check(frame, Detail.COMPLETE);
            if (r.unexpectedCount() == 0) {
                continue;
            }
            Column column = frame.column(e.column());
            int index = frame.names().indexOf(e.column());
            counts.merge(new Failure(e.kind(), e.column()), (int) r.unexpectedCount(), Integer::sum);
            total += (int) r.unexpectedCount();
            for (int row : r.unexpectedRows()) {
                if (listed.size() == InstanceReader.MAX_VIOLATIONS) {
                    break;
                }
                String value = column.text(row);
                listed.add(new Violation(instances.pointers().of(row, index), (value == null ? "a missing value" : quote(value))
                        + " fails the expectation " + e.kind() + " of column '" + e.column() + "': expected " + expected(e)));
            }
        }
        return new Findings(listed, counts, total);
    }

    private static String quote(String value) {
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
    }

    private static String expected(Expectation e) {
        return switch (e) {
            case Expectation.NotNull n -> "a value (the column was never missing in training)";
            case Expectation.InRange r -> "a number in [" + bound(r.min(), "-inf") + ", " + bound(r.max(), "inf") + "]";
            case Expectation.InSet s -> "one of " + (s.values().size() > 20 ? s.values().stream().limit(20).toList() + " (and "
                    + (s.values().size() - 20) + " more)" : s.values());
            case Expectation.MatchesRegex m -> "a match of the regular expression " + m.regex();
            default -> e.kind();
        };
    }

    private static String bound(Double v, String none) {
        return v == null ? none : BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** An expectation broken by some values of a request, named by its kind and column. */
    public record Failure(String expectation, String column) {
    }

    /**
     * What a request broke.
     *
     * @param listed the first {@link InstanceReader#MAX_VIOLATIONS} failing values, with their JSON pointers
     * @param counts how many values failed each expectation
     * @param total  how many failures there are in all
     */
    public record Findings(List<Violation> listed, Map<Failure, Integer> counts, int total) {
        public Findings {
            listed = List.copyOf(listed);
            counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }

        public boolean isEmpty() {
            return total == 0;
        }
    }
}

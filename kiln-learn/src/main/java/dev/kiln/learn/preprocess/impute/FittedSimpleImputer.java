package dev.kiln.learn.preprocess.impute;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.learn.preprocess.ColumnReplacement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link SimpleImputer}: one fill value per imputed column, as text (numbers in Java's
 * round-tripping form), null for a column dropped because it had no training value.
 */
public final class FittedSimpleImputer implements FittedTransformer {
    private final SimpleImputer.Params params;
    private final Schema inputSchema;
    private final List<String> columns;
    private final List<String> statistics;
    private final FittedMissingIndicator indicator;

    FittedSimpleImputer(SimpleImputer.Params params, Schema inputSchema, List<String> columns, List<String> statistics,
                        FittedMissingIndicator indicator) {
        if (statistics.size() != columns.size()) {
            throw new IllegalArgumentException(statistics.size() + " fill values for " + columns.size() + " columns");
        }
        if (params.addIndicator() != (indicator != null)) {
            throw new IllegalArgumentException("an indicator is needed exactly when addIndicator is set");
        }
        for (int j = 0; j < columns.size(); j++) {
            String s = statistics.get(j);
            if (s != null && inputSchema.field(columns.get(j)).type().isNumeric()) {
                Double.parseDouble(s);
            }
        }
        this.params = params;
        this.inputSchema = inputSchema;
        this.columns = List.copyOf(columns);
        this.statistics = Collections.unmodifiableList(new ArrayList<>(statistics));
        this.indicator = indicator;
    }

    public SimpleImputer.Params params() {
        return params;
    }

    /** The imputed columns, in the order of {@link #statistics()}. */
    public List<String> columns() {
        return columns;
    }

    /** Each column's fill value as text; null where the column is dropped. */
    public List<String> statistics() {
        return statistics;
    }

    /** The fill value of a numeric column (NaN where it is dropped). */
    public double numericStatistic(String column) {
        int j = indexOf(column);
        if (!inputSchema.field(column).type().isNumeric()) {
            throw new IllegalArgumentException(SimpleImputer.WHO + ": column '" + column + "' is not numeric; its fill value is '"
                    + statistics.get(j) + "'");
        }
        String s = statistics.get(j);
        return s == null ? Double.NaN : Double.parseDouble(s);
    }

    /** The columns dropped because they had no value in the training data. */
    public List<String> dropped() {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            if (statistics.get(j) == null) {
                out.add(columns.get(j));
            }
        }
        return out;
    }

    /** The missing-value indicator appended to the output, when {@code addIndicator} is set. */
    public java.util.Optional<FittedMissingIndicator> indicator() {
        return java.util.Optional.ofNullable(indicator);
    }

    @Override
    public Frame transform(Frame features) {
        Map<String, List<Column>> replaced = new HashMap<>();
        for (int j = 0; j < columns.size(); j++) {
            String name = columns.get(j);
            Column c = column(features, name);
            String fill = statistics.get(j);
            replaced.put(name, fill == null ? List.of() : List.of(fill(c, fill)));
        }
        List<Column> appended = indicator == null ? List.of() : indicator.indicators(features);
        return ColumnReplacement.replace(features, replaced, appended);
    }

    private Column column(Frame features, String name) {
        if (!features.hasColumn(name)) {
            throw new IllegalArgumentException(SimpleImputer.WHO + ": " + dev.kiln.core.frame.NoSuchColumnException
                    .of(name, features.names()).getMessage());
        }
        Column c = features.column(name);
        boolean fittedNumeric = inputSchema.field(name).type().isNumeric();
        if (fittedNumeric != c.type().isNumeric()) {
            throw new IllegalArgumentException(SimpleImputer.WHO + ": column '" + name + "' is " + c.type().label()
                    + " but was " + inputSchema.field(name).type().label() + " in fitting; expected "
                    + (fittedNumeric ? "a numeric column" : "a categorical or text column"));
        }
        return c;
    }

    private static Column fill(Column c, String fill) {
        if (c.type().isNumeric()) {
            double value = Double.parseDouble(fill);
            double[] v = c.toDoubles();
            for (int i = 0; i < v.length; i++) {
                if (Double.isNaN(v[i])) {
                    v[i] = value;
                }
            }
            return DoubleColumn.of(c.name(), v);
        }
        if (c.missingCount() == 0) {
            return c;
        }
        if (c instanceof CategoricalColumn cat) {
            List<String> levels = new ArrayList<>(cat.levels());
            int code = levels.indexOf(fill);
            if (code < 0) {
                levels.add(fill);
                code = levels.size() - 1;
            }
            int[] codes = cat.codes();
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] < 0) {
                    codes[i] = code;
                }
            }
            return CategoricalColumn.ofCodes(c.name(), codes, levels);
        }
        if (c.type() != ColumnType.TEXT) {
            throw new IllegalStateException("unexpected column type " + c.type());
        }
        String[] v = new String[c.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = c.isMissing(i) ? fill : c.text(i);
        }
        return TextColumn.of(c.name(), v);
    }

    private int indexOf(String column) {
        int j = columns.indexOf(column);
        if (j < 0) {
            throw new IllegalArgumentException(SimpleImputer.WHO + ": column '" + column + "' was not imputed; the imputed columns are "
                    + columns);
        }
        return j;
    }

    @Override
    public List<String> sources(String outputColumn) {
        return indicator != null && indicator.produces(outputColumn) ? indicator.sources(outputColumn) : List.of(outputColumn);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}

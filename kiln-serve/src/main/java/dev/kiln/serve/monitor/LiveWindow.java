package dev.kiln.serve.monitor;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.model.Prediction;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.monitor.drift.PredictionColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recent rows a model version predicted, with what it predicted for them: a ring of
 * fixed capacity, the oldest row overwritten first. Numbers are kept as doubles and labels as
 * strings, so a window of 1,000 rows of 20 columns costs a few hundred kilobytes. Thread-safe.
 */
final class LiveWindow {
    /** The name of the predictions' column in a snapshot. */
    static final String PREDICTION = PredictionColumn.NAME;

    private final Schema schema;
    private final int capacity;
    private final double[][] numbers;
    private final String[][] labels;
    private final double[] predictedValues;
    private final String[] predictedLabels;
    private ColumnType predictionType;
    private int next;
    private int size;
    private long total;

    LiveWindow(Schema schema, int capacity) {
        this.schema = schema;
        this.capacity = capacity;
        this.numbers = new double[schema.size()][];
        this.labels = new String[schema.size()][];
        for (int j = 0; j < schema.size(); j++) {
            if (isNumber(schema.fields().get(j).type())) {
                numbers[j] = new double[capacity];
            } else {
                labels[j] = new String[capacity];
            }
        }
        this.predictedValues = new double[capacity];
        this.predictedLabels = new String[capacity];
    }

    private static boolean isNumber(ColumnType t) {
        return t == ColumnType.DOUBLE || t == ColumnType.LONG || t == ColumnType.BOOLEAN;
    }

    /** Adds the rows of {@code input} (in the window's schema) and {@code prediction}, one per row. */
    synchronized void add(Frame input, Prediction prediction) {
        int n = input.rowCount();
        ColumnType type = predictionType(prediction);
        if (predictionType == null) {
            predictionType = type;
        }
        List<Column> columns = new ArrayList<>();
        for (Schema.Field f : schema.fields()) {
            columns.add(input.column(f.name()));
        }
        for (int row = Math.max(0, n - capacity); row < n; row++) {
            for (int j = 0; j < columns.size(); j++) {
                Column c = columns.get(j);
                if (numbers[j] != null) {
                    numbers[j][next] = c.getDouble(row);
                } else {
                    labels[j][next] = c.text(row);
                }
            }
            predictedValues[next] = type == ColumnType.DOUBLE ? ((RegressionPrediction) prediction).value(row) : Double.NaN;
            predictedLabels[next] = type == ColumnType.CATEGORICAL ? PredictionColumn.label(prediction, row) : null;
            next = (next + 1) % capacity;
            size = Math.min(capacity, size + 1);
        }
        total += n;
    }

    /** The rows in the window now. */
    synchronized int size() {
        return size;
    }

    /** The rows ever added. */
    synchronized long total() {
        return total;
    }

    /** The window as a frame, oldest row first, with a {@link #PREDICTION} column once anything was predicted (unless an input has that name). */
    synchronized Frame snapshot() {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (next - size + i + capacity) % capacity;
        }
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < schema.size(); j++) {
            Schema.Field f = schema.fields().get(j);
            out.add(numbers[j] != null ? numberColumn(f, numbers[j], order) : labelColumn(f.name(), f.type(), labels[j], order));
        }
        if (predictionType != null && !schema.names().contains(PREDICTION)) {
            out.add(predictionType == ColumnType.DOUBLE
                    ? numberColumn(Schema.Field.of(PREDICTION, ColumnType.DOUBLE), predictedValues, order)
                    : labelColumn(PREDICTION, ColumnType.CATEGORICAL, predictedLabels, order));
        }
        return Frame.of(out);
    }

    private static ColumnType predictionType(Prediction p) {
        return p instanceof RegressionPrediction ? ColumnType.DOUBLE : ColumnType.CATEGORICAL;
    }

    private static Column numberColumn(Schema.Field f, double[] values, int[] order) {
        switch (f.type()) {
            case LONG -> {
                LongColumn.Builder b = LongColumn.builder(f.name());
                for (int i : order) {
                    if (Double.isNaN(values[i])) {
                        b.addMissing();
                    } else {
                        b.add((long) values[i]);
                    }
                }
                return b.build();
            }
            case BOOLEAN -> {
                BooleanColumn.Builder b = BooleanColumn.builder(f.name());
                for (int i : order) {
                    if (Double.isNaN(values[i])) {
                        b.addMissing();
                    } else {
                        b.add(values[i] != 0);
                    }
                }
                return b.build();
            }
            default -> {
                double[] out = new double[order.length];
                for (int k = 0; k < order.length; k++) {
                    out[k] = values[order[k]];
                }
                return DoubleColumn.of(f.name(), out);
            }
        }
    }

    private static Column labelColumn(String name, ColumnType type, String[] values, int[] order) {
        String[] out = new String[order.length];
        for (int k = 0; k < order.length; k++) {
            out[k] = values[order[k]];
        }
        return type == ColumnType.TEXT ? TextColumn.of(name, out) : CategoricalColumn.of(name, out);
    }
}

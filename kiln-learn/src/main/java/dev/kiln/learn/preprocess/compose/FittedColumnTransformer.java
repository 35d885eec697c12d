package dev.kiln.learn.preprocess.compose;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.NoSuchColumnException;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.FittedTransformer;
import java.util.ArrayList;
import java.util.List;

/** A fitted {@link ColumnTransformer}: per entry its columns, its fitted transformer and its output names. */
public final class FittedColumnTransformer implements FittedTransformer {

    /**
     * One fitted entry.
     *
     * @param name        the entry's name
     * @param columns     the input columns it was given
     * @param outputs     the columns it produced in fitting
     * @param transformer the fitted transformer
     */
    public record Part(String name, List<String> columns, List<String> outputs, FittedTransformer transformer) {
        public Part {
            columns = List.copyOf(columns);
            outputs = List.copyOf(outputs);
            java.util.Objects.requireNonNull(transformer, "transformer");
        }
    }

    private final ColumnTransformer.Params params;
    private final Schema inputSchema;
    private final List<Part> parts;
    private final List<String> remainder;

    FittedColumnTransformer(ColumnTransformer.Params params, Schema inputSchema, List<Part> parts, List<String> remainder) {
        ColumnTransformer.checkDistinct(parts, remainder);
        this.params = params;
        this.inputSchema = inputSchema;
        this.parts = List.copyOf(parts);
        this.remainder = List.copyOf(remainder);
    }

    public ColumnTransformer.Params params() {
        return params;
    }

    /** The fitted entries, in order (entries that picked no column are left out). */
    public List<Part> parts() {
        return parts;
    }

    /** The columns passed through unchanged, in order; empty with remainder {@code DROP}. */
    public List<String> remainder() {
        return remainder;
    }

    /** The output columns, in order. */
    public List<String> outputNames() {
        List<String> out = new ArrayList<>();
        parts.forEach(p -> out.addAll(p.outputs()));
        out.addAll(remainder);
        return out;
    }

    @Override
    public Frame transform(Frame features) {
        List<Column> out = new ArrayList<>();
        for (Part p : parts) {
            for (String name : p.columns()) {
                if (!features.hasColumn(name)) {
                    throw new IllegalArgumentException(ColumnTransformer.WHO + ": entry '" + p.name() + "' was fitted on column '"
                            + name + "': " + NoSuchColumnException.of(name, features.names()).getMessage());
                }
            }
            out.addAll(p.transformer().transform(features.select(p.columns())).columns());
        }
        for (String name : remainder) {
            if (!features.hasColumn(name)) {
                throw new IllegalArgumentException(ColumnTransformer.WHO + ": the remainder was fitted with column '" + name
                        + "': " + NoSuchColumnException.of(name, features.names()).getMessage());
            }
            out.add(features.column(name));
        }
        return Frame.of(out);
    }

    @Override
    public List<String> sources(String outputColumn) {
        for (Part p : parts) {
            if (p.outputs().contains(outputColumn)) {
                return p.transformer().sources(outputColumn);
            }
        }
        if (remainder.contains(outputColumn)) {
            return List.of(outputColumn);
        }
        throw new IllegalArgumentException(ColumnTransformer.WHO + ": no output column '" + outputColumn + "'; the outputs are "
                + outputNames());
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}

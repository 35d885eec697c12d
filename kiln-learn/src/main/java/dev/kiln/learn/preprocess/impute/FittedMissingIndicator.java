package dev.kiln.learn.preprocess.impute;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import java.util.ArrayList;
import java.util.List;

/** A fitted {@link MissingIndicator}: the columns considered and those that get an indicator. */
public final class FittedMissingIndicator implements FittedTransformer {
    /** Appended to a column's name to name its indicator. */
    public static final String SUFFIX = "_missing";

    private final MissingIndicator.Params params;
    private final Schema inputSchema;
    private final List<String> considered;
    private final List<String> indicated;

    FittedMissingIndicator(MissingIndicator.Params params, Schema inputSchema, List<String> considered,
                           List<String> indicated) {
        if (!considered.containsAll(indicated)) {
            throw new IllegalArgumentException("indicated columns " + indicated + " are not all among " + considered);
        }
        this.params = params;
        this.inputSchema = inputSchema;
        this.considered = List.copyOf(considered);
        this.indicated = List.copyOf(indicated);
    }

    public MissingIndicator.Params params() {
        return params;
    }

    /** The columns looked at in fitting. */
    public List<String> considered() {
        return considered;
    }

    /** The columns that get an indicator, in output order (scikit-learn's {@code features_}). */
    public List<String> indicated() {
        return indicated;
    }

    /** The output: one boolean column per indicated column, true where it is missing. */
    @Override
    public Frame transform(Frame features) {
        return Frame.of(indicators(features));
    }

    /** The indicator columns alone, for imputers that append them to their output. */
    List<Column> indicators(Frame features) {
        ColumnSelection.check(features, considered, ColumnSelection.ANY, "any column", MissingIndicator.WHO);
        if (params.errorOnNew() && params.features() == MissingIndicator.Features.MISSING_ONLY) {
            for (String name : considered) {
                Column c = features.column(name);
                if (!indicated.contains(name) && c.missingCount() > 0) {
                    throw new IllegalArgumentException(MissingIndicator.WHO + ": column '" + name + "' has "
                            + c.missingCount() + " missing values but had none in fitting, so it has no indicator"
                            + " (fit with features ALL, or errorOnNew false)");
                }
            }
        }
        List<Column> out = new ArrayList<>(indicated.size());
        for (String name : indicated) {
            Column c = features.column(name);
            BooleanColumn.Builder b = BooleanColumn.builder(name + SUFFIX);
            for (int i = 0; i < c.size(); i++) {
                b.add(c.isMissing(i));
            }
            out.add(b.build());
        }
        return out;
    }

    /** Whether {@code outputColumn} is one of the indicators. */
    public boolean produces(String outputColumn) {
        return outputColumn.endsWith(SUFFIX)
                && indicated.contains(outputColumn.substring(0, outputColumn.length() - SUFFIX.length()));
    }

    @Override
    public List<String> sources(String outputColumn) {
        if (produces(outputColumn)) {
            return List.of(outputColumn.substring(0, outputColumn.length() - SUFFIX.length()));
        }
        throw new IllegalArgumentException(MissingIndicator.WHO + ": no output column '" + outputColumn
                + "'; the outputs are " + indicated.stream().map(n -> n + SUFFIX).toList());
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}

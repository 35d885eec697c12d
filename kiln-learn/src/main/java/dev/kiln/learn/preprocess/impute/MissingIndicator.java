package dev.kiln.learn.preprocess.impute;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks missing values, as scikit-learn's {@code MissingIndicator}: the output has one boolean
 * column {@code <column>_missing} per indicated column (and no other columns), true where the
 * value is missing. Works on columns of every type.
 */
public final class MissingIndicator implements Transformer {
    static final String WHO = "missing-indicator";

    /** Which columns get an indicator. */
    public enum Features {
        /** Only those with a missing value in the training data (scikit-learn's default "missing-only"). */
        MISSING_ONLY,
        /** Every chosen column ("all"). */
        ALL
    }

    /**
     * @param features   which columns get an indicator (scikit-learn: "missing-only")
     * @param errorOnNew whether transforming fails when a column without an indicator has missing
     *                   values (True; only meaningful for {@code MISSING_ONLY})
     * @param columns    the columns to consider; null for all
     */
    public record Params(Features features, boolean errorOnNew, List<String> columns) {
        public Params {
            java.util.Objects.requireNonNull(features, "features");
            columns = ColumnSelection.checkParameter(columns, WHO);
        }

        public static Params defaults() {
            return new Params(Features.MISSING_ONLY, true, null);
        }
    }

    private final Params params;

    public MissingIndicator() {
        this(Params.defaults());
    }

    public MissingIndicator(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedMissingIndicator fit(Frame features, Column target) {
        List<String> considered = ColumnSelection.resolve(features, params.columns(), ColumnSelection.ANY,
                ColumnSelection.ANY, "any column", WHO);
        List<String> indicated = new ArrayList<>();
        for (String name : considered) {
            if (params.features() == Features.ALL || features.column(name).missingCount() > 0) {
                indicated.add(name);
            }
        }
        return new FittedMissingIndicator(params, features.schema(), considered, indicated);
    }
}

package dev.kiln.learn.preprocess.encode;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import java.util.List;

/**
 * Replaces each categorical column by one 0/1 double column per category, as scikit-learn's
 * {@code OneHotEncoder}: categories sorted as {@code np.unique} sorts them, each output named
 * {@code column=category} and placed where the column was. A missing value seen in fitting is
 * a category of its own, last, named {@code column_missing} (scikit-learn's {@code nan}
 * category). Encodes categorical and text columns by default, boolean and long columns when
 * named.
 */
public final class OneHotEncoder implements Transformer {
    static final String WHO = "one-hot-encoder";

    /** What to do with a category not seen in fitting. */
    public enum HandleUnknown {
        /** Fail, naming the column and the value (scikit-learn's default "error"). */
        ERROR,
        /** Encode it as all zeros ("ignore"). */
        IGNORE
    }

    /** Which category's column to leave out, making the columns linearly independent. */
    public enum Drop {
        /** Keep every category (scikit-learn's default None). */
        NONE,
        /** Drop each column's first category ("first"). */
        FIRST,
        /** Drop the first category of columns with exactly two ("if_binary"). */
        IF_BINARY
    }

    /**
     * @param handleUnknown what to do with unseen categories (scikit-learn: "error")
     * @param drop          which categories to leave out (None)
     * @param columns       the columns to encode; null for every categorical and text column
     */
    public record Params(HandleUnknown handleUnknown, Drop drop, List<String> columns) {
        public Params {
            java.util.Objects.requireNonNull(handleUnknown, "handleUnknown");
            java.util.Objects.requireNonNull(drop, "drop");
            columns = ColumnSelection.checkParameter(columns, WHO);
        }

        public static Params defaults() {
            return new Params(HandleUnknown.ERROR, Drop.NONE, null);
        }
    }

    private final Params params;

    public OneHotEncoder() {
        this(Params.defaults());
    }

    public OneHotEncoder(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedOneHotEncoder fit(Frame features, Column target) {
        return new FittedOneHotEncoder(params, features.schema(), Categories.learn(features, params.columns(), WHO));
    }
}

package dev.kiln.learn.preprocess.encode;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import java.util.List;

/**
 * Replaces each categorical column by a double column of category indices 0, 1, …, in the
 * sorted order of scikit-learn's {@code OrdinalEncoder}; the column keeps its name and place.
 * Missing values become {@code encodedMissingValue}. Encodes categorical and text columns by
 * default, boolean and long columns when named.
 */
public final class OrdinalEncoder implements Transformer {
    static final String WHO = "ordinal-encoder";

    /** What to do with a category not seen in fitting. */
    public enum HandleUnknown {
        /** Fail, naming the column and the value (scikit-learn's default "error"). */
        ERROR,
        /** Encode it as {@code unknownValue} ("use_encoded_value"). */
        USE_ENCODED_VALUE
    }

    /**
     * @param handleUnknown       what to do with unseen categories (scikit-learn: "error")
     * @param unknownValue        the code of unseen categories: required (an integer, or NaN) with
     *                            {@code USE_ENCODED_VALUE}, null otherwise (None)
     * @param encodedMissingValue the code of missing values (NaN)
     * @param columns             the columns to encode; null for every categorical and text column
     */
    public record Params(HandleUnknown handleUnknown, Double unknownValue, double encodedMissingValue,
                         List<String> columns) {
        public Params {
            java.util.Objects.requireNonNull(handleUnknown, "handleUnknown");
            if (handleUnknown == HandleUnknown.USE_ENCODED_VALUE) {
                if (unknownValue == null || !(unknownValue.isNaN() || unknownValue == Math.rint(unknownValue))) {
                    throw new IllegalArgumentException(WHO + ": handleUnknown USE_ENCODED_VALUE needs unknownValue to be an integer or NaN, got "
                            + unknownValue);
                }
            } else if (unknownValue != null) {
                throw new IllegalArgumentException(WHO + ": unknownValue is only used with handleUnknown USE_ENCODED_VALUE");
            }
            columns = ColumnSelection.checkParameter(columns, WHO);
        }

        public static Params defaults() {
            return new Params(HandleUnknown.ERROR, null, Double.NaN, null);
        }
    }

    private final Params params;

    public OrdinalEncoder() {
        this(Params.defaults());
    }

    public OrdinalEncoder(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedOrdinalEncoder fit(Frame features, Column target) {
        List<Categories> categories = Categories.learn(features, params.columns(), WHO);
        for (Categories c : categories) {
            int count = c.values().size();
            Double unknown = params.unknownValue();
            if (unknown != null && unknown >= 0 && unknown < count) {
                throw new IllegalArgumentException(WHO + ": unknownValue " + unknown + " is the code of category '"
                        + c.values().get(unknown.intValue()) + "' of column '" + c.column() + "'; choose a value outside 0.."
                        + (count - 1) + ", such as -1");
            }
            double missing = params.encodedMissingValue();
            if (c.hadMissing() && missing >= 0 && missing < count) {
                throw new IllegalArgumentException(WHO + ": encodedMissingValue " + missing + " is already a code of column '"
                        + c.column() + "' (0.." + (count - 1) + "); choose another, such as -1");
            }
        }
        return new FittedOrdinalEncoder(params, features.schema(), categories);
    }
}

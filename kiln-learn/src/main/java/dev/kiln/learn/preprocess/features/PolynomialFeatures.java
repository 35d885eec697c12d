package dev.kiln.learn.preprocess.features;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import java.util.List;

/**
 * Products of numeric columns up to a degree, as scikit-learn's {@code PolynomialFeatures}: the
 * bias {@code 1}, then for degree 1, 2, … every combination of columns (with repetition unless
 * {@code interactionOnly}) in scikit-learn's order. Outputs are named {@code a}, {@code a^2},
 * {@code a*b}, {@code a^2*b}, and take the place of the first chosen column; the other chosen
 * columns are replaced, the rest pass through. Missing values make their products missing.
 */
public final class PolynomialFeatures implements Transformer {
    static final String WHO = "polynomial-features";

    /**
     * @param degree          the highest degree (scikit-learn: 2)
     * @param interactionOnly whether to leave out powers of a single column, keeping a, a*b (False)
     * @param includeBias     whether to add the constant column {@code 1} (True)
     * @param columns         the columns to combine; null for every numeric column
     */
    public record Params(int degree, boolean interactionOnly, boolean includeBias, List<String> columns) {
        public Params {
            if (degree < 0) {
                throw new IllegalArgumentException(WHO + ": degree must be >= 0, got " + degree);
            }
            columns = ColumnSelection.checkParameter(columns, WHO);
        }

        public static Params defaults() {
            return new Params(2, false, true, null);
        }
    }

    private final Params params;

    public PolynomialFeatures() {
        this(Params.defaults());
    }

    public PolynomialFeatures(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedPolynomialFeatures fit(Frame features, Column target) {
        List<String> columns = ColumnSelection.resolve(features, params.columns(), ColumnSelection.NUMERIC,
                ColumnSelection.NUMERIC, "a numeric column", WHO);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(WHO + ": there are no numeric columns to combine");
        }
        return new FittedPolynomialFeatures(params, features.schema(), columns);
    }
}

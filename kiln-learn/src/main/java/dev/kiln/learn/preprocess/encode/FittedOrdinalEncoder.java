package dev.kiln.learn.preprocess.encode;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.learn.preprocess.ColumnReplacement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fitted {@link OrdinalEncoder}: each encoded column's sorted categories, coded 0, 1, … */
public final class FittedOrdinalEncoder implements FittedTransformer {
    private final OrdinalEncoder.Params params;
    private final Schema inputSchema;
    private final List<Categories> categories;

    FittedOrdinalEncoder(OrdinalEncoder.Params params, Schema inputSchema, List<Categories> categories) {
        this.params = params;
        this.inputSchema = inputSchema;
        this.categories = List.copyOf(categories);
    }

    public OrdinalEncoder.Params params() {
        return params;
    }

    /** Each encoded column's categories; a category's code is its index. */
    public List<Categories> categories() {
        return categories;
    }

    @Override
    public Frame transform(Frame features) {
        Map<String, Column> replaced = new HashMap<>();
        for (Categories c : categories) {
            Column column = c.columnOf(features, OrdinalEncoder.WHO);
            Map<String, Integer> index = c.index();
            double[] codes = new double[column.size()];
            for (int i = 0; i < codes.length; i++) {
                if (column.isMissing(i)) {
                    codes[i] = params.encodedMissingValue();
                    continue;
                }
                Integer code = index.get(column.text(i));
                if (code == null && params.handleUnknown() == OrdinalEncoder.HandleUnknown.ERROR) {
                    throw new IllegalArgumentException(c.unknown(column.text(i), i, OrdinalEncoder.WHO,
                            "set handleUnknown to USE_ENCODED_VALUE with an unknownValue to encode unseen categories"));
                }
                codes[i] = code == null ? params.unknownValue() : code;
            }
            replaced.put(c.column(), DoubleColumn.of(c.column(), codes));
        }
        return ColumnReplacement.replace(features, replaced);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}

package dev.kiln.learn.selection;

import dev.kiln.core.frame.Column;
import java.util.ArrayList;
import java.util.List;

/** Leave-one-out cross-validation: n folds, each holding out one row. */
public record LeaveOneOut() implements CrossValidator {

    @Override
    public List<Fold> folds(int rows, Column target) {
        if (rows < 2) {
            throw new IllegalArgumentException("leave-one-out needs at least 2 rows, got " + rows);
        }
        int[] order = KFold.identity(rows);
        List<Fold> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            out.add(KFold.fold(i, order, i, i + 1));
        }
        return out;
    }

    @Override
    public String describe() {
        return "leave-one-out";
    }
}

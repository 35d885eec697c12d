package dev.kiln.learn.selection;

import dev.kiln.core.frame.Column;
import java.util.List;

/**
 * A way to split rows into cross-validation folds: k-fold, stratified k-fold, leave-one-out,
 * repeated k-fold. The folds depend only on the rows, the target (for stratification) and the
 * seed, never on the model.
 */
public sealed interface CrossValidator permits KFold, StratifiedKFold, LeaveOneOut, RepeatedKFold {

    /** The folds for {@code rows} rows with the given target (used only by stratified splitters; may be null otherwise). */
    List<Fold> folds(int rows, Column target);

    /** A short description for reports, e.g. "5-fold stratified, shuffled (seed 42)". */
    String describe();
}

package dev.kiln.learn.selection;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.model.Model;
import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.progress.Progress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Fits an estimator on each fold's training rows and scores it on the fold's held-out rows.
 * The estimator (a pipeline, typically) sees only the training rows of each fold, so
 * preprocessing never learns from held-out data. Folds run in parallel; the results do not
 * depend on how many threads run them.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** Cross-validates {@code estimator} on {@code features} and {@code target} with {@code validator}'s folds. */
    public static CrossValidationResult run(Estimator<?> estimator, Frame features, Column target, CrossValidator validator) {
        List<Fold> folds = validator.folds(features.rowCount(), target);
        FoldResult[] results = new FoldResult[folds.size()];
        try (Progress progress = Progress.start("Cross-validating (" + validator.describe() + ")", folds.size())) {
            Parallelism.forEachPart(folds.size(), f -> {
                results[f] = runFold(estimator, features, target, folds.get(f));
                progress.step();
            });
        }
        return new CrossValidationResult(validator.describe(), Arrays.asList(results));
    }

    static FoldResult runFold(Estimator<?> estimator, Frame features, Column target, Fold fold) {
        Frame trainX = features.take(fold.train());
        Column trainY = target.take(fold.train());
        Frame testX = features.take(fold.test());
        Column testY = target.take(fold.test());
        long t0 = System.nanoTime();
        Model<?> model = estimator.fit(trainX, trainY);
        long t1 = System.nanoTime();
        Map<String, Double> metrics = Scoring.score(model, testX, testY);
        long t2 = System.nanoTime();
        return new FoldResult(fold.index(), fold.train().length, fold.test().length, metrics, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }
}

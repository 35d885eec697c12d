package dev.kiln.cli.learn;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.TabularFile;
import dev.kiln.learn.selection.Task;
import java.nio.file.Path;

/**
 * A data file read for supervised learning: its features, its target column and the task,
 * checked before any training so that bad input fails fast with the reason.
 *
 * @param source   the file
 * @param features every column but the target
 * @param target   the target column
 * @param task     classification or regression
 */
record SupervisedData(Path source, Frame features, Column target, Task task) {

    /** Reads {@code file} with {@code targetName} as the target; {@code task} may be null to infer it. */
    static SupervisedData read(Path file, String targetName, Task task) {
        Frame frame = TabularFile.read(file);
        Column target = frame.column(targetName);
        Frame features = frame.drop(targetName);
        return of(file, features, target, task);
    }

    static SupervisedData of(Path file, Frame features, Column target, Task task) {
        if (features.columnCount() == 0) {
            throw new IllegalArgumentException(file + ": there are no feature columns besides the target '" + target.name() + "'");
        }
        if (features.rowCount() == 0) {
            throw new IllegalArgumentException(file + ": there are no rows");
        }
        if (target.missingCount() > 0) {
            throw new IllegalArgumentException(file + ": the target '" + target.name() + "' is missing in " + target.missingCount()
                    + " of " + target.size() + " rows; drop those rows or fill them in first");
        }
        boolean anyValues = features.columns().stream().anyMatch(c -> c.missingCount() < c.size());
        if (!anyValues) {
            throw new IllegalArgumentException(file + ": every feature column is entirely missing");
        }
        Task t = task != null ? task : Task.inferFrom(target);
        t.check(target);
        if (t == Task.CLASSIFICATION) {
            dev.kiln.learn.data.ClassTarget.of(target, target.size(), file.toString());
        }
        return new SupervisedData(file, features, target, t);
    }
}

package dev.kiln.cli.learn;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.TabularFile;
import dev.kiln.learn.preprocess.scale.MinMaxScaler;
import dev.kiln.learn.preprocess.scale.StandardScaler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A data file read for clustering or embedding: the numeric feature columns (optionally
 * scaled), and a label column kept apart — used for colouring or scoring, never as a feature.
 *
 * @param source   the file
 * @param features the columns the algorithm sees
 * @param label    the label column, or null
 */
record UnsupervisedData(Path source, Frame features, Column label) {

    /**
     * Reads {@code file} leaving out {@code drop} and {@code labelName} (null for none); scales
     * with "standard", "minmax" or "none".
     */
    static UnsupervisedData read(Path file, List<String> drop, String labelName, String scale) {
        Frame frame = TabularFile.read(file);
        Column label = labelName == null ? null : frame.column(labelName);
        List<String> leaveOut = new ArrayList<>(drop);
        if (labelName != null && !leaveOut.contains(labelName)) {
            leaveOut.add(labelName);
        }
        Frame features = leaveOut.isEmpty() ? frame : frame.drop(leaveOut);
        List<String> nonNumeric = features.columns().stream().filter(c -> !c.type().isNumeric()).map(Column::name).toList();
        if (!nonNumeric.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + (nonNumeric.size() == 1 ? "column " : "columns ")
                    + String.join(", ", nonNumeric.stream().map(n -> "'" + n + "'").toList()) + (nonNumeric.size() == 1 ? " is" : " are")
                    + " not numeric; leave " + (nonNumeric.size() == 1 ? "it" : "them") + " out with --drop or encode first");
        }
        List<String> incomplete = features.columns().stream().filter(c -> c.missingCount() > 0)
                .map(c -> "'" + c.name() + "' (" + c.missingCount() + ")").toList();
        if (!incomplete.isEmpty()) {
            throw new IllegalArgumentException(file + ": missing values in " + String.join(", ", incomplete)
                    + "; impute or drop them first");
        }
        if (features.columnCount() == 0) {
            throw new IllegalArgumentException(file + ": no feature columns are left");
        }
        Frame scaled = switch (scale) {
            case "none" -> features;
            case "standard" -> new StandardScaler().fit(features, null).transform(features);
            case "minmax" -> new MinMaxScaler().fit(features, null).transform(features);
            default -> throw new IllegalArgumentException("--scale must be standard, minmax or none, got '" + scale + "'");
        };
        return new UnsupervisedData(file, scaled, label);
    }

    /** The label of each row as text, for colouring ("" when there is no label). */
    String[] labelTexts() {
        String[] out = new String[features.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = label == null ? "" : String.valueOf(label.text(i));
        }
        return out;
    }
}

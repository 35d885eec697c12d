package dev.kiln.bench.supervised;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.learn.selection.Task;
import dev.kiln.learn.selection.TrainTestSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A data set of the supervised comparison: its file, target, columns to leave out, task, and a
 * split file (header {@code row,set}) that both Kiln and scikit-learn read, so both fit and score
 * exactly the same rows.
 */
record BenchData(String name, Path csv, String target, List<String> drop, boolean numericOnly, Task task, Path split) {

    static final Path PARITY = Path.of("kiln-learn/src/test/resources/datasets");

    /** The parity data sets (committed 70/30 seed-42 splits). */
    static List<BenchData> parity() {
        return List.of(
                parity("iris", "target", List.of("target_name"), false, Task.CLASSIFICATION),
                parity("wine", "target", List.of("target_name"), false, Task.CLASSIFICATION),
                parity("breast_cancer", "target", List.of("target_name"), false, Task.CLASSIFICATION),
                parity("digits", "target", List.of(), false, Task.CLASSIFICATION),
                parity("spambase", "type", List.of(), false, Task.CLASSIFICATION),
                parity("german_credit", "class", List.of(), false, Task.CLASSIFICATION),
                parity("diabetes", "target", List.of(), false, Task.REGRESSION),
                parity("ames_housing", "Sale_Price", List.of(), true, Task.REGRESSION));
    }

    /** A generated data set in {@code dir}; writes its 70/30 seed-42 split file beside it. */
    static BenchData generated(String name, Path csv, String target, Task task) {
        Frame f = CsvReader.read(csv);
        Column y = f.column(target);
        TrainTestSplit s = task == Task.CLASSIFICATION ? TrainTestSplit.stratified(y, 0.3, 42) : TrainTestSplit.random(y.size(), 0.3, 42);
        Path split = csv.resolveSibling(name + "-split.csv");
        StringBuilder sb = new StringBuilder("row,set\n");
        boolean[] test = new boolean[y.size()];
        for (int i : s.test()) {
            test[i] = true;
        }
        for (int i = 0; i < test.length; i++) {
            sb.append(i).append(',').append(test[i] ? "test" : "train").append('\n');
        }
        try {
            Files.writeString(split, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BenchData(name, csv, target, List.of(), false, task, split);
    }

    private static BenchData parity(String name, String target, List<String> drop, boolean numericOnly, Task task) {
        Path dir = PARITY.resolve(name);
        return new BenchData(name, dir.resolve(name + ".csv"), target, drop, numericOnly, task, dir.resolve("split-70-30-seed42.csv"));
    }

    /** The features of all rows, as the comparison uses them. */
    Frame features(Frame all) {
        Frame f = all.drop(target);
        if (!drop.isEmpty()) {
            f = f.drop(drop);
        }
        if (numericOnly) {
            f = f.select(f.columns().stream().filter(c -> c.type().isNumeric()).map(Column::name).toList());
        }
        return f;
    }

    /** The training and test row indices of the split file. */
    int[][] rows() {
        try {
            List<String> lines = Files.readAllLines(split);
            int[] train = new int[lines.size()];
            int[] test = new int[lines.size()];
            int tr = 0;
            int te = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] parts = line.split(",");
                int row = Integer.parseInt(parts[0]);
                if (parts[1].equals("test")) {
                    test[te++] = row;
                } else {
                    train[tr++] = row;
                }
            }
            return new int[][] {java.util.Arrays.copyOf(train, tr), java.util.Arrays.copyOf(test, te)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

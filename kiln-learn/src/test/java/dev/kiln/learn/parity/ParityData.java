package dev.kiln.learn.parity;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.learn.selection.TrainTestSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The data sets of the scikit-learn parity checks, each with its target and its fixed 70/30
 * split (seed 42; stratified for classification), read from the test resources. The split is
 * also written in {@code datasets/<name>/split-70-30-seed42.csv} so the scikit-learn side of
 * the comparison (kiln-bench/parity) uses exactly the same rows.
 */
public enum ParityData {
    IRIS("iris", "target", List.of("target_name"), true),
    WINE("wine", "target", List.of("target_name"), true),
    BREAST_CANCER("breast_cancer", "target", List.of("target_name"), true),
    DIGITS("digits", "target", List.of(), true),
    SPAMBASE("spambase", "type", List.of(), true),
    GERMAN_CREDIT("german_credit", "class", List.of(), true),
    DIABETES("diabetes", "target", List.of(), false),
    AMES_HOUSING("ames_housing", "Sale_Price", List.of(), false);

    public static final long SEED = 42;
    public static final double TEST_FRACTION = 0.3;
    static final Path ROOT = Path.of("src/test/resources/datasets");

    private final String folder;
    private final String target;
    private final List<String> drop;
    private final boolean classification;

    ParityData(String folder, String target, List<String> drop, boolean classification) {
        this.folder = folder;
        this.target = target;
        this.drop = drop;
        this.classification = classification;
    }

    public boolean classification() {
        return classification;
    }

    public String target() {
        return target;
    }

    /** The whole table, without the columns that restate the target. */
    public Frame frame() {
        Frame f = CsvReader.read(ROOT.resolve(folder).resolve(folder + ".csv"));
        return drop.isEmpty() ? f : f.drop(drop);
    }

    /** Every column but the target (for ames_housing: the numeric ones only, as the parity check uses). */
    public Frame features() {
        Frame f = frame().drop(target);
        if (this == AMES_HOUSING) {
            f = f.select(f.columns().stream().filter(c -> c.type().isNumeric()).map(Column::name).toList());
        }
        return f;
    }

    public Column targetColumn() {
        return frame().column(target);
    }

    /** The split as TrainTestSplit computes it. */
    public TrainTestSplit computedSplit() {
        Column y = targetColumn();
        return classification ? TrainTestSplit.stratified(y, TEST_FRACTION, SEED)
                : TrainTestSplit.random(y.size(), TEST_FRACTION, SEED);
    }

    /** The committed split file, shared with the scikit-learn side. */
    public Path splitFile() {
        return ROOT.resolve(folder).resolve("split-70-30-seed42.csv");
    }

    /** Writes {@link #splitFile()}: a header {@code row,set}, then one line per row, set = train or test. */
    public void writeSplitFile() {
        TrainTestSplit s = computedSplit();
        StringBuilder sb = new StringBuilder("row,set\n");
        String[] set = new String[s.train().length + s.test().length];
        for (int i : s.train()) {
            set[i] = "train";
        }
        for (int i : s.test()) {
            set[i] = "test";
        }
        for (int i = 0; i < set.length; i++) {
            sb.append(i).append(',').append(set[i]).append('\n');
        }
        try {
            Files.writeString(splitFile(), sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Regenerates every split file (run from the kiln-learn directory). */
    public static void main(String[] args) {
        for (ParityData d : values()) {
            d.writeSplitFile();
        }
    }
}

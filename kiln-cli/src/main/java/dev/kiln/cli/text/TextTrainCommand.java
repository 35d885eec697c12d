package dev.kiln.cli.text;

import dev.kiln.learn.catalog.ModelCatalog;
import dev.kiln.learn.catalog.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiln text train}: {@code kiln train} for the text classifiers, with the text column as
 * an option: fits on a training split (or all rows with {@code --test}), scores the held-out
 * rows and saves the model.
 */
@Command(name = "train", description = {"Train a text classifier (tfidf-logreg, lstm, …) on a text column, score it on held-out rows, save it.",
    "The same as 'kiln train --model NAME --param text_col=COL'; 'kiln models NAME' lists each model's parameters."})
public final class TextTrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Training data (.csv, .tsv or .jsonl).")
    Path data;

    @Option(names = "--text-col", paramLabel = "COL", description = "The column holding the text (default: the file's only text column).")
    String textColumn;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "The label column.")
    String target;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "A text classifier: ${COMPLETION-CANDIDATES}.",
            completionCandidates = TextModelNames.class)
    String model;

    @Option(names = "--param", paramLabel = "K=V", description = "A hyperparameter (repeatable), e.g. --param ngram_max=2.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--test-size", paramLabel = "FRACTION", description = "Share of rows held out for testing (default: ${DEFAULT-VALUE}).")
    double testSize = 0.3;

    @Option(names = "--test", paramLabel = "FILE", description = "Evaluate on this file instead of holding out rows.")
    Path testFile;

    @Option(names = "--seed", description = "Seed of the split and of the model's randomness (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to save the model (default: models/NAME).")
    Path out;

    @Option(names = "--report", paramLabel = "DIR", description = "Write an HTML report with metrics and pictures there.")
    Path report;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    /** The text classifiers of the catalog, for help and completion. */
    static final class TextModelNames extends ArrayList<String> {
        TextModelNames() {
            super(ModelCatalog.all().stream().filter(m -> m.input() == ModelSpec.Input.TEXT).map(ModelSpec::name).toList());
        }
    }

    @Override
    public Integer call() {
        ModelSpec modelSpec = ModelCatalog.find(model);
        if (modelSpec.input() != ModelSpec.Input.TEXT) {
            throw new IllegalArgumentException("--model " + model + " is not a text classifier; text classifiers: "
                    + String.join(", ", new TextModelNames()) + " (for tables use 'kiln train')");
        }
        if (textColumn != null && params.containsKey("text_col") && !params.get("text_col").equals(textColumn)) {
            throw new IllegalArgumentException("--text-col " + textColumn + " and --param text_col=" + params.get("text_col") + " disagree");
        }
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--target", target, "--model", model,
                "--test-size", Double.toString(testSize), "--seed", Long.toString(seed)));
        if (textColumn != null) {
            args.addAll(List.of("--param", "text_col=" + textColumn));
        }
        params.forEach((k, v) -> args.addAll(List.of("--param", k + "=" + v)));
        if (testFile != null) {
            args.addAll(List.of("--test", testFile.toString()));
        }
        if (out != null) {
            args.addAll(List.of("--out", out.toString()));
        }
        if (report != null) {
            args.addAll(List.of("--report", report.toString()));
        }
        if (json) {
            args.add("--json");
        }
        return spec.root().commandLine().execute(args.toArray(String[]::new));
    }
}

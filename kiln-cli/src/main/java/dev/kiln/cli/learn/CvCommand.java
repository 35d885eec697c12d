package dev.kiln.cli.learn;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.learn.catalog.DefaultPipeline;
import dev.kiln.learn.catalog.ModelCatalog;
import dev.kiln.learn.catalog.ModelSpec;
import dev.kiln.learn.selection.CrossValidation;
import dev.kiln.learn.selection.CrossValidationResult;
import dev.kiln.learn.selection.CrossValidator;
import dev.kiln.learn.selection.FoldResult;
import dev.kiln.learn.selection.KFold;
import dev.kiln.learn.selection.StratifiedKFold;
import dev.kiln.learn.selection.Task;
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

/** {@code kiln cv}: k-fold cross-validation of a named model behind the default preprocessing. */
@Command(name = "cv", description = {"Cross-validate a model: per-fold test metrics and their mean and standard deviation.",
    "Folds are shuffled with the seed, and stratified by class for classification."})
public final class CvCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Data (.csv, .tsv or .jsonl).")
    Path data;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "The column to predict.")
    String target;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model; 'kiln models' lists them.")
    String model;

    @Option(names = "--param", paramLabel = "K=V", description = "A hyperparameter (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--task", paramLabel = "TASK", description = "classification or regression (default: from the target column).")
    String task;

    @Option(names = "--folds", description = "Number of folds (default: ${DEFAULT-VALUE}).")
    int folds = 5;

    @Option(names = "--seed", description = "Seed of the fold shuffle and the model (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Override
    public Integer call() {
        ModelSpec modelSpec = ModelCatalog.find(model);
        SupervisedData d = SupervisedData.read(data, target, task == null ? null : Task.fromLabel(task));
        CrossValidator validator = d.task() == Task.CLASSIFICATION ? new StratifiedKFold(folds, true, seed) : new KFold(folds, true, seed);
        var estimator = DefaultPipeline.build(modelSpec, d.task(), ModelParams.withSeed(modelSpec, params, seed), d.features());
        CrossValidationResult result = CrossValidation.run(estimator, d.features(), d.target(), validator);
        List<String> metrics = new ArrayList<>(result.metrics());
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", modelSpec.name());
            out.put("task", d.task().label());
            out.put("folds", folds);
            out.put("validator", result.validator());
            out.put("metrics", result.summary());
            List<Map<String, Object>> perFold = new ArrayList<>();
            for (FoldResult f : result.folds()) {
                perFold.add(Map.of("fold", f.fold(), "train_rows", f.trainRows(), "test_rows", f.testRows(), "metrics", f.metrics(),
                        "timings", Map.of("fit_seconds", f.fitSeconds(), "predict_seconds", f.scoreSeconds())));
            }
            out.put("per_fold", perFold);
            out.put("timings", Map.of("fit_seconds", result.meanFitSeconds(), "predict_seconds", result.meanScoreSeconds()));
            JsonOutput.print(spec.commandLine().getOut(), out);
            return 0;
        }
        var w = spec.commandLine().getOut();
        w.printf("%s, %s of '%s', %s%n", modelSpec.name(), d.task().label(), target, result.validator());
        List<String> header = new ArrayList<>(List.of("fold"));
        header.addAll(metrics);
        header.add("fit_seconds");
        Table t = Table.withHeader(header.toArray(String[]::new));
        for (FoldResult f : result.folds()) {
            List<Object> row = new ArrayList<>(List.of(f.fold()));
            metrics.forEach(m -> row.add(f.metrics().get(m)));
            row.add(f.fitSeconds());
            t.row(row.toArray());
        }
        List<Object> mean = new ArrayList<>(List.of("mean"));
        List<Object> std = new ArrayList<>(List.of("std"));
        metrics.forEach(m -> {
            mean.add(result.mean(m));
            std.add(result.std(m));
        });
        mean.add(result.meanFitSeconds());
        std.add(null);
        t.row(mean.toArray()).row(std.toArray());
        w.print(t);
        return 0;
    }
}

package dev.kiln.cli.learn;

import dev.kiln.cli.nn.ImageTraining;
import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.FrameFingerprint;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.model.Model;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.modelfile.ModelInfo;
import dev.kiln.core.modelfile.Provenance;
import dev.kiln.learn.catalog.DefaultPipeline;
import dev.kiln.learn.catalog.ModelCatalog;
import dev.kiln.learn.catalog.ModelSpec;
import dev.kiln.learn.report.EvaluationReport;
import dev.kiln.learn.selection.Evaluation;
import dev.kiln.learn.selection.Task;
import dev.kiln.learn.selection.TrainTestSplit;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiln train}: fits a named model behind the default preprocessing on a training split,
 * scores it on the held-out rows, prints the metrics and saves the fitted pipeline.
 */
@Command(name = "train", description = {"Fit a model on a data file, score it on held-out rows, save it.",
    "Preprocessing (imputing, one-hot encoding, scaling where the model needs it) is fitted on the training rows only."})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = {"Training data (.csv, .tsv or .jsonl).",
        "For mlp and cnn: a directory with IDX files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz]), an IDX images file, or an image CSV with a 'label' column."})
    Path data;

    @Option(names = "--target", paramLabel = "COL", description = "The column to predict (not needed for mlp and cnn).")
    String target;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model; 'kiln models' lists them.")
    String model;

    @Option(names = "--param", paramLabel = "K=V", description = "A hyperparameter (repeatable), e.g. --param C=0.5.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--task", paramLabel = "TASK", description = "classification or regression (default: from the target column).")
    String task;

    @Option(names = "--test-size", paramLabel = "FRACTION", description = "Share of rows held out for testing (default: ${DEFAULT-VALUE}).")
    double testSize = 0.3;

    @Option(names = "--test", paramLabel = "FILE", description = {"Evaluate on this file instead of holding out rows.",
        "For mlp and cnn: as --data (a directory's t10k-* IDX files)."})
    Path testFile;

    @Option(names = "--seed", description = "Seed of the split and of the model's randomness (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to save the model (default: models/NAME).")
    Path out;

    @Option(names = "--report", paramLabel = "DIR", description = "Write an HTML report with metrics and pictures there.")
    Path report;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Override
    public Integer call() {
        if (ImageTraining.handles(model)) {
            return ImageTraining.run(new ImageTraining.Request(model, data, testFile, testSize, params, seed, out, report, json),
                    spec.commandLine().getOut());
        }
        if (target == null) {
            throw new IllegalArgumentException("--target is required for " + model + ": name the column to predict");
        }
        ModelSpec modelSpec;
        try {
            modelSpec = ModelCatalog.find(model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; image classifiers: mlp, cnn", e);
        }
        SupervisedData all = SupervisedData.read(data, target, task == null ? null : Task.fromLabel(task));
        Estimator<?> estimator = DefaultPipeline.build(modelSpec, all.task(), ModelParams.withSeed(modelSpec, params, seed), all.features());
        Frame trainX;
        Column trainY;
        Frame testX;
        Column testY;
        if (testFile != null) {
            SupervisedData test = SupervisedData.read(testFile, target, all.task());
            trainX = all.features();
            trainY = all.target();
            testX = test.features();
            testY = test.target();
        } else {
            TrainTestSplit split = all.task() == Task.CLASSIFICATION
                    ? TrainTestSplit.stratified(all.target(), testSize, seed)
                    : TrainTestSplit.random(all.target().size(), testSize, seed);
            trainX = split.train(all.features());
            trainY = all.target().take(split.train());
            testX = split.test(all.features());
            testY = all.target().take(split.test());
        }
        long t0 = System.nanoTime();
        Model<?> fitted = estimator.fit(trainX, trainY);
        long t1 = System.nanoTime();
        Evaluation evaluation = Evaluation.of(fitted, testX, testY);
        long t2 = System.nanoTime();
        Map<String, Double> metrics = evaluation.metrics();
        Path saveTo = out != null ? out : Path.of("models", modelSpec.name());
        ModelFile.save(fitted, saveTo, new ModelInfo(all.task().label(), target, metrics,
                new Provenance(FrameFingerprint.of(trainX.withColumn(trainY)), trainX.rowCount(), data.toString(), seed,
                        Map.of("model", modelSpec.name(), "params", params.toString()))).withFeatureRangesOf(trainX));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", modelSpec.name());
        result.put("task", all.task().label());
        result.put("target", target);
        result.put("params", params);
        result.put("train_rows", trainX.rowCount());
        result.put("test_rows", testX.rowCount());
        result.put("metrics", metrics);
        result.put("timings", Map.of("fit_seconds", (t1 - t0) / 1e9, "predict_seconds", (t2 - t1) / 1e9));
        result.put("model_path", saveTo.toString());
        if (report != null) {
            Map<String, Object> facts = new LinkedHashMap<>(result);
            facts.remove("metrics");
            facts.remove("timings");
            ((Map<?, ?>) result.get("timings")).forEach((k, v) -> facts.put(String.valueOf(k), v));
            facts.put("data", data.toString());
            result.put("report", EvaluationReport.of("Kiln: " + modelSpec.name() + " on " + data.getFileName(), facts, fitted,
                    evaluation).write(report).toString());
        }
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), result);
        } else {
            var w = spec.commandLine().getOut();
            w.printf("%s (%s of '%s'): fitted on %d rows in %s s, tested on %d rows%n", modelSpec.name(), all.task().label(), target,
                    trainX.rowCount(), Table.number((t1 - t0) / 1e9), testX.rowCount());
            Table t = Table.withHeader("metric", "test");
            metrics.forEach(t::row);
            w.print(t);
            w.println("saved to " + saveTo + (report != null ? "; report: " + result.get("report") : ""));
        }
        return 0;
    }
}

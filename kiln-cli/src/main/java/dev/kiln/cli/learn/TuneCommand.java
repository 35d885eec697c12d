package dev.kiln.cli.learn;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.frame.FrameFingerprint;
import dev.kiln.core.model.Model;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.modelfile.ModelInfo;
import dev.kiln.core.modelfile.Provenance;
import dev.kiln.learn.catalog.DefaultPipeline;
import dev.kiln.learn.catalog.ModelCatalog;
import dev.kiln.learn.catalog.ModelSpec;
import dev.kiln.learn.search.HyperparameterSearch;
import dev.kiln.learn.search.SearchResult;
import dev.kiln.learn.search.SearchSpace;
import dev.kiln.learn.search.Trial;
import dev.kiln.learn.selection.CrossValidator;
import dev.kiln.learn.selection.KFold;
import dev.kiln.learn.selection.Scoring;
import dev.kiln.learn.selection.StratifiedKFold;
import dev.kiln.learn.selection.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln tune}: hyperparameter search by cross-validation; optionally refits the best on all rows and saves it. */
@Command(name = "tune", description = {"Search a model's hyperparameters by cross-validation: grid, random or Bayesian (TPE).",
    "Space: 'C=log(0.01,100); gamma=log(1e-4,1); kernel=choice(rbf,poly); max_depth=int(2,12); alpha=uniform(0,1); k=[1,3,5]'."})
public final class TuneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Data (.csv, .tsv or .jsonl).")
    Path data;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "The column to predict.")
    String target;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model; 'kiln models NAME' shows its parameters.")
    String model;

    @Option(names = "--search", paramLabel = "grid|random|bayes", description = "How to choose candidates (default: ${DEFAULT-VALUE}).")
    String search = "bayes";

    @Option(names = "--space", required = true, paramLabel = "SPACE", description = "The parameters to vary and their ranges.")
    String space;

    @Option(names = "--trials", description = "Candidates to try for random and bayes (default: ${DEFAULT-VALUE}).")
    int trials = 30;

    @Option(names = "--grid-points", description = "Values per continuous range in a grid (default: ${DEFAULT-VALUE}).")
    int gridPoints = 5;

    @Option(names = "--param", paramLabel = "K=V", description = "A fixed hyperparameter (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--task", paramLabel = "TASK", description = "classification or regression (default: from the target column).")
    String task;

    @Option(names = "--metric", description = "The metric to optimise (default: accuracy or r2).")
    String metric;

    @Option(names = "--folds", description = "Cross-validation folds per candidate (default: ${DEFAULT-VALUE}).")
    int folds = 5;

    @Option(names = "--seed", description = "Seed of the search, the folds and the model (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--out", paramLabel = "DIR", description = "Refit the best candidate on all rows and save it there.")
    Path out;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Override
    public Integer call() {
        ModelSpec modelSpec = ModelCatalog.find(model);
        SupervisedData d = SupervisedData.read(data, target, task == null ? null : Task.fromLabel(task));
        SearchSpace searchSpace = SearchSpace.parse(space);
        searchSpace.parameters().keySet().forEach(modelSpec::param);
        String m = metric != null ? metric : Scoring.defaultMetric(d.task());
        CrossValidator validator = d.task() == Task.CLASSIFICATION ? new StratifiedKFold(folds, true, seed) : new KFold(folds, true, seed);
        Map<String, String> fixed = ModelParams.withSeed(modelSpec, params, seed);
        SearchResult result = HyperparameterSearch.run(candidate -> {
            Map<String, String> all = new LinkedHashMap<>(fixed);
            candidate.forEach((k, v) -> all.put(k, String.valueOf(v)));
            return DefaultPipeline.build(modelSpec, d.task(), all, d.features());
        }, searchSpace, d.features(), d.target(),
                new HyperparameterSearch.Settings(HyperparameterSearch.Method.fromLabel(search), trials, gridPoints, m, validator, seed));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", modelSpec.name());
        out.put("search", result.method());
        out.put("metric", result.metric());
        out.put("trials", result.trials().size());
        out.put("best_params", result.best().params());
        out.put("best_score", Map.of("mean", result.best().mean(), "std", result.best().std()));
        if (this.out != null) {
            Map<String, String> best = new LinkedHashMap<>(fixed);
            result.best().params().forEach((k, v) -> best.put(k, String.valueOf(v)));
            Model<?> refit = DefaultPipeline.build(modelSpec, d.task(), best, d.features()).fit(d.features(), d.target());
            ModelFile.save(refit, this.out, new ModelInfo(d.task().label(), target,
                    Map.of("cv_" + result.metric(), result.best().mean()),
                    new Provenance(FrameFingerprint.of(d.features().withColumn(d.target())), d.features().rowCount(),
                            data.toString(), seed, Map.of("model", modelSpec.name(), "params", best.toString())))
                    .withFeatureRangesOf(d.features()));
            out.put("model_path", this.out.toString());
        }
        List<Trial> ranked = new ArrayList<>(result.trials().stream().filter(t -> !t.failed()).toList());
        ranked.sort(Comparator.comparingDouble((Trial t) -> result.greaterIsBetter() ? -t.mean() : t.mean()));
        if (json) {
            List<Map<String, Object>> all = new ArrayList<>();
            for (Trial t : result.trials()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("trial", t.index());
                row.put("params", t.params());
                row.put("mean", t.mean());
                row.put("std", t.std());
                row.put("fit_seconds", t.fitSeconds());
                if (t.failed()) {
                    row.put("error", t.error());
                }
                all.add(row);
            }
            out.put("all_trials", all);
            JsonOutput.print(spec.commandLine().getOut(), out);
            return 0;
        }
        var w = spec.commandLine().getOut();
        w.printf("%s search over %s: %d trials, %s by %s%n", result.method(), searchSpace, result.trials().size(), result.metric(),
                validator.describe());
        Table t = Table.withHeader("rank", "trial", result.metric(), "std", "parameters");
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            Trial r = ranked.get(i);
            t.row(i + 1, r.index(), r.mean(), r.std(), r.describeParams());
        }
        w.print(t);
        long failed = result.trials().stream().filter(Trial::failed).count();
        if (failed > 0) {
            w.println(failed + " trial(s) failed; --json lists why");
        }
        w.println("best: " + result.best().describeParams() + (this.out != null ? "; refitted on all rows and saved to " + this.out : ""));
        return 0;
    }
}

package dev.kiln.cli.learn;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.TabularFile;
import dev.kiln.core.model.Model;
import dev.kiln.core.modelfile.LoadedModel;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.learn.report.EvaluationReport;
import dev.kiln.learn.selection.Evaluation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln evaluate}: scores a saved model on a labelled data file. */
@Command(name = "evaluate", description = "Score a saved model on a data file that holds the target column.")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model saved by 'kiln train'.")
    Path modelPath;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled rows (.csv, .tsv or .jsonl).")
    Path data;

    @Option(names = "--report", paramLabel = "DIR", description = "Write an HTML report with metrics and pictures there.")
    Path report;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Override
    public Integer call() {
        LoadedModel loaded = ModelFile.load(modelPath);
        Model<?> model = loaded.as(Model.class);
        String target = loaded.manifest().target();
        if (target == null) {
            throw new IllegalArgumentException(modelPath + ": the manifest names no target column, so there is nothing to score against");
        }
        Frame frame = TabularFile.read(data);
        Frame features = frame.drop(target);
        long t0 = System.nanoTime();
        Evaluation evaluation = Evaluation.of(model, features, frame.column(target));
        long t1 = System.nanoTime();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model_path", modelPath.toString());
        result.put("model_type", loaded.manifest().modelType());
        result.put("target", target);
        result.put("rows", frame.rowCount());
        result.put("metrics", evaluation.metrics());
        result.put("timings", Map.of("predict_seconds", (t1 - t0) / 1e9));
        if (report != null) {
            Map<String, Object> facts = new LinkedHashMap<>(result);
            facts.remove("metrics");
            facts.remove("timings");
            ((Map<?, ?>) result.get("timings")).forEach((k, v) -> facts.put(String.valueOf(k), v));
            facts.put("data", data.toString());
            result.put("report", EvaluationReport.of("Kiln: evaluation of " + modelPath.getFileName(), facts, model, evaluation)
                    .write(report).toString());
        }
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), result);
        } else {
            var w = spec.commandLine().getOut();
            w.printf("%s on %s (%d rows, target '%s')%n", modelPath, data, frame.rowCount(), target);
            Table t = Table.withHeader("metric", "value");
            evaluation.metrics().forEach(t::row);
            w.print(t);
            if (report != null) {
                w.println("report: " + result.get("report"));
            }
        }
        return 0;
    }
}

package dev.kiln.cli.text;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.modelfile.LoadedModel;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.text.classify.TextClassifierModel;
import dev.kiln.text.classify.TextPrediction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln text predict}: the label and its probability for each text given on the command line. */
@Command(name = "predict", description = "Label texts with a saved text classifier: the label, its probability and every class's.")
public final class TextPredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A text classifier saved by 'kiln text train' or 'kiln train'.")
    Path model;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The texts to label.")
    List<String> texts;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        LoadedModel loaded = ModelFile.load(model);
        if (!(loaded.model() instanceof TextClassifierModel classifier)) {
            throw new IllegalArgumentException(model + " holds a " + loaded.manifest().modelType() + " model, not a text classifier");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String text : texts) {
            TextPrediction p = classifier.predict(text);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("text", text);
            row.put("label", p.label());
            row.put("probability", p.probability());
            row.put("probabilities", p.probabilities());
            rows.add(row);
        }
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), Map.of("model", model.toString(), "predictions", rows));
        } else {
            Table t = Table.withHeader("label", "probability", "text");
            for (Map<String, Object> r : rows) {
                t.row(r.get("label"), r.get("probability"), r.get("text"));
            }
            spec.commandLine().getOut().print(t);
        }
        return 0;
    }
}

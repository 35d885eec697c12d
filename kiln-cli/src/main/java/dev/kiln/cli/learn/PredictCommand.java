package dev.kiln.cli.learn;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.io.CsvOptions;
import dev.kiln.core.io.CsvWriter;
import dev.kiln.core.io.TabularFile;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.Prediction;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.core.modelfile.LoadedModel;
import dev.kiln.core.modelfile.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiln predict}: a saved model's predictions as CSV — the input columns, then
 * {@code prediction}, then for classifiers one {@code proba_<class>} column per class.
 */
@Command(name = "predict", description = {"Predict with a saved model; writes CSV: the input columns, 'prediction',",
    "and for classifiers one 'proba_<class>' column per class."})
public final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model saved by 'kiln train'.")
    Path modelPath;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Rows to predict (.csv, .tsv or .jsonl).")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV there (default: standard output).")
    Path out;

    @Override
    public Integer call() throws IOException {
        LoadedModel loaded = ModelFile.load(modelPath);
        Model<?> model = loaded.as(Model.class);
        Frame input = TabularFile.read(data);
        Prediction p = model.predict(input);
        List<Column> added = new ArrayList<>();
        switch (p) {
            case ClassificationPrediction c -> {
                String[] labels = new String[c.size()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = c.label(i);
                }
                added.add(TextColumn.of("prediction", labels));
                if (c.hasProbabilities()) {
                    double[][] proba = c.probabilities();
                    for (int k = 0; k < c.classes().size(); k++) {
                        double[] column = new double[proba.length];
                        for (int i = 0; i < column.length; i++) {
                            column[i] = proba[i][k];
                        }
                        added.add(DoubleColumn.of("proba_" + c.classes().get(k), column));
                    }
                }
            }
            case RegressionPrediction r -> added.add(DoubleColumn.of("prediction", r.values()));
            default -> throw new IllegalArgumentException(modelPath + " predicts " + p.getClass().getSimpleName()
                    + ", which 'kiln predict' cannot write as columns");
        }
        Frame result = input;
        for (Column c : added) {
            if (result.hasColumn(c.name())) {
                throw new IllegalArgumentException(data + " already has a column '" + c.name() + "'; rename it first");
            }
            result = result.withColumn(c);
        }
        if (out != null) {
            CsvWriter.write(result, out);
            spec.commandLine().getErr().println("wrote " + result.rowCount() + " predictions to " + out);
        } else {
            var w = spec.commandLine().getOut();
            CsvWriter.write(result, w, CsvOptions.defaults());
            w.flush();
        }
        return 0;
    }
}

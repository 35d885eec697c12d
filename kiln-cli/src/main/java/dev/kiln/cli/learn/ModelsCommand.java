package dev.kiln.cli.learn;

import dev.kiln.cli.nn.ImageModels;
import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.cli.serve.ModelsListCommand;
import dev.kiln.cli.serve.ModelsPromoteCommand;
import dev.kiln.cli.serve.ModelsRegisterCommand;
import dev.kiln.learn.catalog.ModelCatalog;
import dev.kiln.learn.catalog.ModelSpec;
import dev.kiln.learn.catalog.ParamSpec;
import dev.kiln.learn.selection.Task;
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

/** {@code kiln models [NAME]}: the models Kiln can train, or one model's hyperparameters and defaults. */
@Command(name = "models", description = {"List the models 'kiln train' knows, or one model's parameters and their defaults;",
    "register, list and promote saved models in the registry that 'kiln serve' serves."},
        subcommands = {ModelsRegisterCommand.class, ModelsListCommand.class, ModelsPromoteCommand.class})
public final class ModelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Show this model's parameters.")
    String name;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Override
    public Integer call() {
        if (name != null && ImageModels.isImageModel(name)) {
            ImageModels.describe(name, json, spec.commandLine().getOut());
            return 0;
        }
        List<ModelSpec> models = name == null ? ModelCatalog.all() : List.of(ModelCatalog.find(name));
        var w = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (ModelSpec m : models) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", m.name());
                entry.put("summary", m.summary());
                entry.put("tasks", m.tasks().stream().map(Task::label).sorted().toList());
                List<Map<String, Object>> params = new ArrayList<>();
                for (ParamSpec p : m.params()) {
                    params.add(Map.of("name", p.name(), "values", p.form(), "default", p.defaultText(), "description", p.description()));
                }
                entry.put("params", params);
                out.add(entry);
            }
            if (name == null) {
                out.addAll(ImageModels.jsonEntries());
            }
            JsonOutput.print(w, Map.of("models", out));
        } else if (name == null) {
            Table t = Table.withHeader("model", "tasks", "what it is");
            for (ModelSpec m : models) {
                t.row(m.name(), String.join(", ", m.tasks().stream().map(Task::label).sorted().toList()), m.summary());
            }
            ImageModels.rows(t);
            w.print(t);
            w.println("'kiln models NAME' shows a model's parameters.");
        } else {
            ModelSpec m = models.get(0);
            w.println(m.name() + ": " + m.summary() + " (" + String.join(", ", m.tasks().stream().map(Task::label).sorted().toList()) + ")");
            Table t = Table.withHeader("parameter", "values", "default", "meaning");
            for (ParamSpec p : m.params()) {
                t.row(p.name(), p.form(), p.defaultText(), p.description());
            }
            w.print(t);
        }
        return 0;
    }
}

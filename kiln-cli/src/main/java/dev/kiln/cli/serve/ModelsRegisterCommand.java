package dev.kiln.cli.serve;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.serve.monitor.Baseline;
import dev.kiln.serve.monitor.BaselineFiles;
import dev.kiln.serve.registry.ModelRegistry;
import dev.kiln.serve.registry.ModelVersion;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln models register NAME MODEL_DIR}: a saved model in as the next version of NAME, with its monitoring baseline. */
@Command(name = "register", description = "Copy a saved model (directory or .zip) into the registry as the next version of NAME.")
public final class ModelsRegisterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions options;

    @Parameters(index = "0", paramLabel = "NAME", description = "The model's name in the registry.")
    String name;

    @Parameters(index = "1", paramLabel = "MODEL_DIR", description = "A model saved by kiln train --save (directory or .zip).")
    Path model;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "Point this alias (e.g. champion) at the new version.")
    String alias;

    @Option(names = "--description", paramLabel = "TEXT", description = "A note kept with the version.")
    String description = "";

    @Option(names = "--reference", paramLabel = "DATA", description = {"The training data (CSV, TSV or JSON lines): a sample of",
        "its input columns (at most 5,000 rows) is kept to compare the served traffic with (drift), and, without",
        "--expectations, expectations are inferred from its profile."})
    Path reference;

    @Option(names = "--expectations", paramLabel = "FILE", description = {"Expectations the model's input must meet (YAML or JSON,",
        "as kiln expect infer writes): kiln serve checks each request against them."})
    Path expectations;

        @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        ModelRegistry registry = options.registry();
        ModelVersion v = BaselineFiles.register(registry, name, model, description, reference, expectations);
        if (alias != null) {
            registry.promote(name, v.version(), alias);
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", name);
            out.put("version", v.version());
            out.put("model_type", v.manifest().modelType());
            out.put("alias", alias);
            out.put("path", v.path().toString());
            out.put("baseline", Baseline.files(v));
            JsonOutput.print(spec.commandLine().getOut(), out);
        } else {
            spec.commandLine().getOut().printf("registered %s version %d (%s)%s%n", name, v.version(), v.manifest().modelType(),
                    alias == null ? "" : " as " + alias);
            v.attachment(Baseline.EXPECTATIONS).ifPresent(f -> spec.commandLine().getOut().printf("  with %d expectations"
                    + " (requests are checked against them)%n", dev.kiln.monitor.expect.SuiteFile.read(f).expectations().size()));
            v.attachment(Baseline.REFERENCE).ifPresent(f -> spec.commandLine().getOut()
                    .println("  with a reference sample of the training input (GET /api/models/" + name + "/drift compares traffic with it)"));
        }
        return 0;
    }
}

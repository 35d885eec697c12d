package dev.kiln.cli.serve;

import dev.kiln.cli.output.JsonOutput;
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

/** {@code kiln models register NAME MODEL_DIR}: a saved model in as the next version of NAME. */
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

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        ModelRegistry registry = options.registry();
        ModelVersion v = registry.register(name, model, description);
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
            JsonOutput.print(spec.commandLine().getOut(), out);
        } else {
            spec.commandLine().getOut().printf("registered %s version %d (%s)%s%n", name, v.version(), v.manifest().modelType(),
                    alias == null ? "" : " as " + alias);
        }
        return 0;
    }
}

package dev.kiln.cli.serve;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.serve.registry.ModelRegistry;
import dev.kiln.serve.registry.ModelVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln models list}: the registry's models, versions and aliases. */
@Command(name = "list", description = "List the registered models: every version with its type, aliases and registration time.")
public final class ModelsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions options;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        ModelRegistry registry = options.registry();
        var out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> models = new ArrayList<>();
            for (String name : registry.names()) {
                List<Map<String, Object>> versions = new ArrayList<>();
                for (ModelVersion v : registry.versions(name)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("version", v.version());
                    m.put("model_type", v.manifest().modelType());
                    m.put("task", v.manifest().task());
                    m.put("aliases", v.aliases());
                    m.put("registered_at", v.registeredAt().toString());
                    m.put("description", v.description());
                    versions.add(m);
                }
                models.add(Map.of("name", name, "versions", versions));
            }
            JsonOutput.print(out, Map.of("registry", registry.root().toString(), "models", models));
            return 0;
        }
        if (registry.names().isEmpty()) {
            out.println("no models registered in " + registry.root() + "; add one with 'kiln models register NAME MODEL_DIR'");
            return 0;
        }
        Table t = Table.withHeader("model", "version", "type", "aliases", "registered");
        for (String name : registry.names()) {
            for (ModelVersion v : registry.versions(name)) {
                t.row(name, Integer.toString(v.version()), v.manifest().modelType(), String.join(", ", v.aliases()), v.registeredAt().toString());
            }
        }
        out.print(t);
        return 0;
    }
}

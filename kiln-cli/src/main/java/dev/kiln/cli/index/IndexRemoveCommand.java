package dev.kiln.cli.index;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.search.index.PassageIndex;
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

/** {@code kiln index remove}: passages out of an index by id. */
@Command(name = "remove", description = "Remove passages from an index by id. Exit code 1 when an id was not there.")
public final class IndexRemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    IndexRoot root;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The index.")
    String name;

    @Option(names = "--id", required = true, arity = "1..*", paramLabel = "ID", description = "The passage ids to remove.")
    List<String> ids;

    @Option(names = "--json", description = "Print one JSON object instead of lines.")
    boolean json;

    @Override
    public Integer call() {
        List<String> removed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int size;
        try (PassageIndex index = root.catalog().open(name)) {
            for (String id : ids) {
                (index.delete(id) ? removed : missing).add(id);
            }
            index.commit();
            size = index.size();
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", name);
            out.put("removed", removed);
            out.put("not_found", missing);
            out.put("passages", size);
            JsonOutput.print(spec.commandLine().getOut(), out);
        } else {
            var out = spec.commandLine().getOut();
            out.printf("removed %d passage%s from '%s'; it holds %d%n", removed.size(), removed.size() == 1 ? "" : "s", name, size);
            for (String id : missing) {
                out.printf("not found: %s%n", id);
            }
        }
        return missing.isEmpty() ? 0 : 1;
    }
}

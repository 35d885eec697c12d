package dev.kiln.cli.index;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.search.index.IndexCatalog;
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

/** {@code kiln index list}: the named indexes, their size and encoder; a damaged one says so. */
@Command(name = "list", description = "List the indexes with their passages and encoder.")
public final class IndexListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    IndexRoot root;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        IndexCatalog catalog = root.catalog();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : catalog.names()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            try (PassageIndex index = catalog.openReadOnly(name)) {
                row.put("passages", index.size());
                row.put("encoder", index.settings().encoder());
                row.put("dimension", index.settings().dimension());
            } catch (RuntimeException e) {
                row.put("error", e.getMessage());
            }
            row.put("path", catalog.path(name).toString());
            rows.add(row);
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("root", catalog.root().toString());
            out.put("indexes", rows);
            JsonOutput.print(spec.commandLine().getOut(), out);
            return 0;
        }
        var out = spec.commandLine().getOut();
        if (rows.isEmpty()) {
            out.printf("no indexes in %s yet; make one with: kiln index build --name NAME --docs PATH%n", catalog.root());
            return 0;
        }
        Table t = Table.withHeader("name", "passages", "encoder", "path");
        for (Map<String, Object> r : rows) {
            t.row(r.get("name"), r.containsKey("error") ? "damaged" : r.get("passages"),
                    r.containsKey("error") ? r.get("error") : r.get("encoder"), r.get("path"));
        }
        out.print(t);
        return 0;
    }
}

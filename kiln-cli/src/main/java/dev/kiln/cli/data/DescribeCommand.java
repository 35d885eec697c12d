package dev.kiln.cli.data;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.FrameDescription;
import dev.kiln.core.io.TabularFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiln data describe FILE}: rows, columns, inferred types, missing values, numeric
 * summaries and top categories — the first look at a data set.
 */
@Command(name = "describe",
        description = {"Summarise a CSV, TSV or JSON Lines file: rows, columns, inferred types, missing values,",
            "mean, std, min, quartiles and max of numeric columns, and the most frequent values of the others."})
public final class DescribeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A .csv, .tsv or .jsonl file.")
    Path file;

    @Option(names = "--type", paramLabel = "COLUMN=TYPE",
            description = "Force a column's type: double, long, boolean, categorical or text (repeatable).")
    Map<String, String> types = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, ColumnType> overrides = new LinkedHashMap<>();
        types.forEach((column, type) -> overrides.put(column, ColumnType.fromLabel(type)));
        Frame frame = TabularFile.read(file, overrides);
        FrameDescription description = frame.describe();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", file.toString());
            out.putAll(description.toMap());
            JsonOutput.print(spec.commandLine().getOut(), out);
        } else {
            spec.commandLine().getOut().println(file + ": " + description);
        }
        return 0;
    }
}

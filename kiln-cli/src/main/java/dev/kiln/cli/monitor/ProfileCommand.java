package dev.kiln.cli.monitor;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.TabularFile;
import dev.kiln.monitor.profile.ColumnProfile;
import dev.kiln.monitor.profile.DataProfile;
import dev.kiln.monitor.profile.ProfileJson;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiln profile --data FILE --out profile.json}: the one-pass, mergeable profile of a
 * data set that expectations are inferred from and drift is measured against.
 */
@Command(name = "profile",
        description = {"Profile a data set in one pass: per column type, missing rate, min/max/mean/std, quantiles",
            "and histogram (KLL sketch), distinct count (HyperLogLog), top values, string lengths and patterns.",
            "The profile file keeps the sketches, so profiles of parts can be merged."})
public final class ProfileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "A .csv, .tsv or .jsonl file.")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the profile here (JSON).")
    Path out;

    @Option(names = "--type", paramLabel = "COLUMN=TYPE",
            description = "Force a column's type: double, long, boolean, categorical or text (repeatable).")
    Map<String, String> types = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print the profile as one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, ColumnType> overrides = new LinkedHashMap<>();
        types.forEach((column, type) -> overrides.put(column, ColumnType.fromLabel(type)));
        Frame frame = TabularFile.read(data, overrides);
        DataProfile profile = DataProfile.of(frame, data.getFileName().toString());
        if (out != null) {
            ProfileJson.write(profile, out);
        }
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            ProfileJson.summary(profile).properties().forEach(e -> summary.put(e.getKey(), e.getValue()));
            if (out != null) {
                summary.put("out", out.toString());
            }
            JsonOutput.print(spec.commandLine().getOut(), summary);
            return 0;
        }
        Table table = Table.withHeader("column", "type", "missing", "distinct", "min", "median", "max", "top value");
        for (ColumnProfile c : profile.columns().values()) {
            String top = c.isNumeric() && c.type() != ColumnType.BOOLEAN || c.count() == c.missing() ? ""
                    : c.topValues(1).entrySet().stream().map(e -> Table.snippet(e.getKey(), 24) + " (" + e.getValue() + ")")
                    .findFirst().orElse("");
            table.row(c.name(), c.type().label(), String.format("%.1f%%", 100 * c.missingRate()),
                    Math.round(c.distinctCount()),
                    c.isNumeric() ? Table.number(c.min()) : "", c.isNumeric() ? Table.number(c.quantile(0.5)) : "",
                    c.isNumeric() ? Table.number(c.max()) : "", top);
        }
        var printer = spec.commandLine().getOut();
        printer.println(data + ": " + profile.rows() + " rows");
        printer.print(table);
        if (out != null) {
            printer.println("profile written to " + out);
        }
        return 0;
    }
}

package dev.kiln.cli.monitor;

import dev.kiln.cli.ExitCodes;
import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.AtomicWrite;
import dev.kiln.core.io.TabularFile;
import dev.kiln.monitor.expect.Detail;
import dev.kiln.monitor.expect.ExpectationResult;
import dev.kiln.monitor.expect.ExpectationSuite;
import dev.kiln.monitor.expect.SuiteFile;
import dev.kiln.monitor.expect.ValidationReport;
import dev.kiln.monitor.expect.ValidationResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln validate --data FILE --expectations FILE}: a data-quality gate for pipelines and CI. */
@Command(name = "validate", description = {"Check a data file against expectations. Exits 1 when any expectation fails,",
    "so a pipeline or CI job can stop on bad data; --report writes an HTML page with every result."})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "A .csv, .tsv or .jsonl file.")
    Path data;

    @Option(names = "--expectations", required = true, paramLabel = "FILE", description = "A YAML or JSON expectations file.")
    Path expectations;

    @Option(names = "--detail", paramLabel = "LEVEL",
            description = "How much to say about offending rows: basic, summary (default) or complete.")
    Detail detail = Detail.SUMMARY;

    @Option(names = "--report", paramLabel = "FILE", description = "Write an HTML report here.")
    Path report;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        ExpectationSuite suite = SuiteFile.read(expectations);
        Frame frame = TabularFile.read(data);
        ValidationResult result = suite.validate(frame, detail);
        if (report != null) {
            AtomicWrite.text(report, ValidationReport.html(result, data.getFileName().toString()));
        }
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> map = new java.util.LinkedHashMap<>(result.toMap());
            map.put("data", data.toString());
            if (report != null) {
                map.put("report", report.toString());
            }
            JsonOutput.print(out, map);
        } else {
            Table table = Table.withHeader("", "expectation", "column", "observed", "unexpected", "examples");
            for (ExpectationResult r : result.results()) {
                table.row(r.success() ? "ok" : "FAIL", r.expectation().kind(),
                        r.expectation().column() == null ? "" : r.expectation().column(),
                        r.observed() instanceof Double d ? Table.number(d) : Table.snippet(String.valueOf(r.observed()), 30),
                        r.elementCount() == 0 ? "" : r.unexpectedCount() + String.format(" (%.1f%%)", r.unexpectedPercent()),
                        r.note() != null ? r.note() : Table.snippet(String.join(", ", r.unexpectedValues()), 40));
            }
            out.print(table);
            out.println((result.success() ? "PASSED: " : "FAILED: ") + (result.results().size() - result.failures().size())
                    + " of " + result.results().size() + " expectations hold on " + data
                    + (report != null ? "; report written to " + report : ""));
        }
        out.flush();
        return result.success() ? 0 : ExitCodes.CHECK_FAILED;
    }
}

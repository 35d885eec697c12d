package dev.kiln.cli.monitor;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.monitor.expect.Expectation;
import dev.kiln.monitor.expect.ExpectationInference;
import dev.kiln.monitor.expect.ExpectationSuite;
import dev.kiln.monitor.expect.SuiteFile;
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

/** {@code kiln expect}: expectations (data-quality rules) for a data set. */
@Command(name = "expect", description = "Work with expectations: declarative data-quality rules checked by 'kiln validate'.",
        subcommands = {ExpectCommand.Infer.class})
public final class ExpectCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code kiln expect infer --profile profile.json --out expectations.yaml}. */
    @Command(name = "infer", description = {"Propose expectations from a profile (see 'kiln profile'): column set, types,",
        "not-null rates, numeric ranges, mean and median bounds, allowed values, patterns, uniqueness and",
        "distributions (PSI against the profile's decile bins or top categories).",
        "Review and edit the file by hand; .yaml/.yml writes YAML, anything else JSON."})
    public static final class Infer implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--profile", required = true, paramLabel = "FILE", description = "A profile written by 'kiln profile --out'.")
        Path profile;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the expectations.")
        Path out;

        @Option(names = "--json", description = "Print one JSON object instead of a summary.")
        boolean json;

        @Override
        public Integer call() {
            DataProfile read = ProfileJson.read(profile);
            String name = read.source() == null ? profile.getFileName().toString() : read.source();
            ExpectationSuite suite = ExpectationInference.from(read, name);
            SuiteFile.write(suite, out);
            Map<String, Long> kinds = new LinkedHashMap<>();
            for (Expectation e : suite.expectations()) {
                kinds.merge(e.kind(), 1L, Long::sum);
            }
            if (json) {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("suite", suite.name());
                summary.put("expectations", suite.expectations().size());
                summary.put("kinds", kinds);
                summary.put("out", out.toString());
                JsonOutput.print(spec.commandLine().getOut(), summary);
            } else {
                spec.commandLine().getOut().println(suite.expectations().size() + " expectations for " + suite.name()
                        + " written to " + out + ": " + kinds);
            }
            return 0;
        }
    }
}

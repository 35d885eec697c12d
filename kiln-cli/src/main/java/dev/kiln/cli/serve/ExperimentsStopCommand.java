package dev.kiln.cli.serve;

import dev.kiln.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln experiments stop ID}: ends the experiment without promoting; requests go back to the champion. */
@Command(name = "stop", description = "End an experiment without promoting anything; requests go back to the champion.")
public final class ExperimentsStopCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ExperimentsClient client;

    @Parameters(index = "0", paramLabel = "ID", description = "The experiment.")
    String id;

    @Option(names = "--json", description = "Print the server's answer as one JSON object instead of tables.")
    boolean json;

    @Override
    public Integer call() {
        try {
            ExperimentsStatusCommand.print(spec.commandLine().getOut(), client.post("/api/experiments/" + id + "/stop", "").json(), json);
            return ExitCodes.OK;
        } catch (ExperimentsClient.Failure f) {
            return f.report(spec.commandLine().getErr());
        }
    }
}

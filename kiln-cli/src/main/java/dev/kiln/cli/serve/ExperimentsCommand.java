package dev.kiln.cli.serve;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kiln experiments}: A/B tests, shadows and canaries on a running Kiln server. */
@Command(name = "experiments", description = {"Run A/B tests, shadow deployments and canary rollouts on a running Kiln server",
    "(--server URL, else $KILN_SERVER, else http://localhost:8080; --api-key KEY, else $KILN_API_KEY)."},
        subcommands = {ExperimentsCreateCommand.class, ExperimentsListCommand.class, ExperimentsStatusCommand.class,
            ExperimentsPromoteCommand.class, ExperimentsStopCommand.class})
public final class ExperimentsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

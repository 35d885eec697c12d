package dev.kiln.cli.serve;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln models promote NAME VERSION --alias A}: moves an alias, atomically. */
@Command(name = "promote", description = "Point an alias (champion, challenger, any name) of a registered model at VERSION.")
public final class ModelsPromoteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions options;

    @Parameters(index = "0", paramLabel = "NAME", description = "The registered model.")
    String name;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The version the alias will point at.")
    int version;

    @Option(names = "--alias", required = true, paramLabel = "ALIAS", description = "The alias to move.")
    String alias;

    @Override
    public Integer call() {
        int before = options.registry().promote(name, version, alias);
        spec.commandLine().getOut().printf("%s: %s -> version %d%s%n", name, alias, version,
                before == 0 ? "" : " (was version " + before + ")");
        return 0;
    }
}

package dev.kiln.cli;

import ch.qos.logback.classic.Level;
import dev.kiln.cli.logging.LogSetup;
import picocli.CommandLine;

/** Entry point of the {@code kiln} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (see {@link ExitCodes}); never exits the JVM. */
    public static int run(String... args) {
        KilnCommand root = new KilnCommand();
        CommandLine cli = new CommandLine(root);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new ErrorReporter(root));
        cli.setExecutionStrategy(parsed -> {
            LogSetup.configure(root.logFormat(), root.verbose() ? Level.DEBUG : root.quiet() ? Level.WARN : Level.INFO);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli.execute(args);
    }
}

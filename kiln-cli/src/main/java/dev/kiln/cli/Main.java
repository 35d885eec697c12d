package dev.kiln.cli;

import ch.qos.logback.classic.Level;
import dev.kiln.cli.logging.LogSetup;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
        return run(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
    }

    /** Runs the command line with the given standard output and error. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        KilnCommand root = new KilnCommand();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new ErrorReporter(root));
        cli.setParameterExceptionHandler(ErrorReporter::usageError);
        cli.setExecutionStrategy(parsed -> {
            LogSetup.configure(root.logFormat(), root.verbose() ? Level.DEBUG : root.quiet() ? Level.WARN : Level.INFO);
            return new CommandLine.RunLast().execute(parsed);
        });
        try {
            return cli.execute(args);
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }
}

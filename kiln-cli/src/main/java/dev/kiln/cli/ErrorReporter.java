package dev.kiln.cli;

import dev.kiln.core.io.DataFormatException;
import dev.kiln.core.modelfile.ModelFileException;
import dev.kiln.nn.train.TrainingDivergedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions from commands into one line on stderr and an exit code: bad input (a
 * missing or malformed file, an unknown column, an invalid parameter) exits 2; anything else is
 * a bug in Kiln, exits 3 and shows the stack trace with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    private final KilnCommand root;

    ErrorReporter(KilnCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        var err = cmd.getErr();
        if (isBadInput(e)) {
            err.println("kiln: " + message(e));
            if (root.verbose()) {
                e.printStackTrace(err);
            }
            return ExitCodes.BAD_INPUT;
        }
        err.println("kiln: internal error: " + e + (root.verbose() ? "" : " (run with --verbose for the stack trace)"));
        if (root.verbose()) {
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    /** One line for a command line picocli could not parse, with its suggestions, and exit code 2. */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        StringBuilder line = new StringBuilder("kiln: ").append(e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            line.append("; did you mean ").append(String.join(" or ", u.getSuggestions())).append('?');
        }
        line.append(" (see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help')");
        cmd.getErr().println(line);
        return ExitCodes.BAD_INPUT;
    }

    static boolean isBadInput(Throwable e) {
        return e instanceof IllegalArgumentException || e instanceof ModelFileException
                || e instanceof IOException || e instanceof UncheckedIOException
                || e instanceof DataFormatException || e instanceof TrainingDivergedException;
    }

    static String message(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        if (t instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        String m = t.getMessage();
        return m == null ? t.toString() : m;
    }
}

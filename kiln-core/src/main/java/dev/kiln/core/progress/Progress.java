package dev.kiln.core.progress;

import java.io.PrintStream;

/**
 * Reports how far long work (training, tuning, indexing, evaluation) has come: a live bar on
 * a terminal, a log line every few seconds elsewhere. Safe to advance from many threads.
 *
 * <p>{@link #start} picks the form from the system property {@code kiln.progress}
 * ({@code auto}, {@code bar}, {@code log} or {@code off}); {@code auto} draws a bar when
 * standard error is a terminal (the {@code kiln} launcher says so with {@code -Dkiln.tty=true}).
 */
public interface Progress extends AutoCloseable {

    /** Records {@code steps} more units of work done. */
    void advance(long steps);

    /** Records one more unit of work done. */
    default void step() {
        advance(1);
    }

    /** A short status shown beside the bar, e.g. "loss 0.231". */
    void status(String status);

    /** Ends the report (a bar finishes its line). */
    @Override
    void close();

    /**
     * Starts reporting {@code task}, which will take {@code total} steps ({@code -1} when unknown).
     */
    static Progress start(String task, long total) {
        String mode = System.getProperty("kiln.progress", "auto");
        return switch (mode) {
            case "off" -> none();
            case "bar" -> new ProgressBar(task, total, System.err, System::nanoTime);
            case "log" -> new ProgressLog(task, total, System::nanoTime);
            default -> isTerminal() ? new ProgressBar(task, total, System.err, System::nanoTime)
                    : new ProgressLog(task, total, System::nanoTime);
        };
    }

    /** A bar drawn on {@code out}. */
    static Progress bar(String task, long total, PrintStream out) {
        return new ProgressBar(task, total, out, System::nanoTime);
    }

    /** Reports nothing. */
    static Progress none() {
        return NoProgress.INSTANCE;
    }

    private static boolean isTerminal() {
        String told = System.getProperty("kiln.tty");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.equals("dumb");
    }
}

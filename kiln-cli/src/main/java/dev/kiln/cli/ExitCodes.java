package dev.kiln.cli;

/** What the kiln command's exit status means. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** A check the command performs failed (validation, a drift gate). */
    public static final int CHECK_FAILED = 1;
    /** Bad usage or bad input: unknown option, missing or malformed file. */
    public static final int BAD_INPUT = 2;
    /** Kiln itself failed: a bug. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}

package dev.kiln.core.io;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.io.RecordSource.Kind;

/**
 * What one column's values have shown so far, and the type that follows (see {@link #type()}).
 * A column with a forced type only checks that each value fits it.
 */
final class ColumnInference {
    /** Above this many distinct values a string column is text. */
    static final int MAX_LEVELS = 10_000;
    /** A string column with at most this many distinct values is never text for being varied. */
    static final int MIN_TEXT_DISTINCT = 50;
    /** A string column whose values average more characters than this is text. */
    static final int SENTENCE_LENGTH = 40;

    private final String name;
    private final int index;
    private final ColumnType forced;
    private boolean canLong = true;
    private boolean canDouble = true;
    private boolean canBoolean = true;
    private long count;
    private long length;
    private DistinctStrings distinct;
    private boolean tooVaried;
    private boolean turnedLate;

    ColumnInference(String name, int index, ColumnType forced) {
        this.name = name;
        this.index = index;
        this.forced = forced;
        if (forced == ColumnType.CATEGORICAL) {
            distinct = new DistinctStrings();
        }
    }

    String name() {
        return name;
    }

    /** Takes in one non-missing value. */
    void observe(Kind kind, char[] b, int off, int len, ValueParser parser, String source, long line) {
        if (forced != null) {
            check(b, off, len, parser, source, line);
        } else {
            boolean wasString = isString();
            if (!wasString) {
                narrow(kind, b, off, len, parser);
            }
            if (isString()) {
                turnedLate |= !wasString && count > 0;
                if (!turnedLate) {
                    track(b, off, len);
                }
            }
        }
        count++;
        length += len;
    }

    /**
     * Whether the column became a string column after non-string values, so its distinct values
     * are not all known: they must be counted again with {@link #recount(char[], int, int)}.
     */
    boolean needsRecount() {
        return turnedLate;
    }

    /** Starts counting distinct values anew, for a second look at all of them. */
    void startRecount() {
        distinct = null;
        tooVaried = false;
        turnedLate = false;
    }

    /** Counts one non-missing value during a recount. */
    void recount(char[] b, int off, int len) {
        track(b, off, len);
    }

    /**
     * The column's type: the forced one; else DOUBLE when no value is present; LONG when every
     * value is a whole number within the range of a long; DOUBLE when every value is a number;
     * BOOLEAN when every value is true or false; otherwise a string type, TEXT when there are more
     * than {@value #MAX_LEVELS} distinct values, or more than {@value #MIN_TEXT_DISTINCT} distinct
     * values making up more than half of the values, or values of more than {@value #SENTENCE_LENGTH}
     * characters on average, and CATEGORICAL otherwise.
     */
    ColumnType type() {
        if (forced != null) {
            return forced;
        }
        if (count == 0) {
            return ColumnType.DOUBLE;
        }
        if (canLong) {
            return ColumnType.LONG;
        }
        if (canDouble) {
            return ColumnType.DOUBLE;
        }
        if (canBoolean) {
            return ColumnType.BOOLEAN;
        }
        if (tooVaried) {
            return ColumnType.TEXT;
        }
        int d = distinct.size();
        if (d > MIN_TEXT_DISTINCT && 2L * d > count || length > SENTENCE_LENGTH * count) {
            return ColumnType.TEXT;
        }
        return ColumnType.CATEGORICAL;
    }

    /** The distinct values in order of first appearance, for a CATEGORICAL column. */
    DistinctStrings levels() {
        return distinct == null ? new DistinctStrings() : distinct;
    }

    private boolean isString() {
        return !canLong && !canDouble && !canBoolean;
    }

    private void narrow(Kind kind, char[] b, int off, int len, ValueParser parser) {
        switch (kind) {
            case TEXT -> {
                if (canLong && parser.parseLong(b, off, len)) {
                    canBoolean = false;
                } else if (canDouble && parser.parseDouble(b, off, len)) {
                    canLong = false;
                    canBoolean = false;
                } else {
                    canLong = false;
                    canDouble = false;
                    canBoolean &= parser.parseBoolean(b, off, len);
                }
            }
            case LONG -> canBoolean = false;
            case DOUBLE -> {
                canLong = false;
                canBoolean = false;
            }
            case BOOLEAN -> {
                canLong = false;
                canDouble = false;
            }
            case STRING -> {
                canLong = false;
                canDouble = false;
                canBoolean = false;
            }
            case MISSING -> throw new IllegalArgumentException("a missing value is not observed");
        }
    }

    private void check(char[] b, int off, int len, ValueParser parser, String source, long line) {
        boolean fits = switch (forced) {
            case LONG -> parser.parseLong(b, off, len);
            case DOUBLE -> parser.parseDouble(b, off, len);
            case BOOLEAN -> parser.parseBoolean(b, off, len);
            case CATEGORICAL -> {
                distinct.add(b, off, len);
                yield true;
            }
            case TEXT -> true;
        };
        if (!fits) {
            throw Values.mismatch(source, line, name, index, forced, b, off, len);
        }
    }

    private void track(char[] b, int off, int len) {
        if (tooVaried) {
            return;
        }
        if (distinct == null) {
            distinct = new DistinctStrings();
        }
        distinct.add(b, off, len);
        if (distinct.size() > MAX_LEVELS) {
            tooVaried = true;
            distinct = null;
        }
    }
}

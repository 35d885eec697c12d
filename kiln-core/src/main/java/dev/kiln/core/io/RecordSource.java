package dev.kiln.core.io;

import java.io.Closeable;
import java.util.List;

/**
 * Records of a tabular source, one at a time: each record is a list of entries, each naming its
 * column, the kind of its value and the value's text in {@code buffer()[start(i), start(i) + length(i))}.
 * Entries stay valid until the next call to {@link #next()}.
 */
interface RecordSource extends Closeable {

    /** What a value is known to be before typing. */
    enum Kind {
        /** A missing value. */
        MISSING,
        /** Untyped text (a CSV field): its type is inferred from the text. */
        TEXT,
        /** A string that is a string whatever it looks like (a JSON string). */
        STRING,
        /** A whole number within the range of a long. */
        LONG,
        /** Any other number. */
        DOUBLE,
        /** true or false. */
        BOOLEAN
    }

    /** Moves to the next record; false at the end. */
    boolean next();

    /** The columns' names, in order; a source may add names as it reads. */
    List<String> names();

    /** Whether {@link #names()} is complete before the first record is read. */
    boolean namesKnownUpFront();

    String source();

    int size();

    int column(int entry);

    Kind kind(int entry);

    char[] buffer();

    int start(int entry);

    int length(int entry);

    /** The physical line of the entry's value. */
    long line(int entry);

    @Override
    void close();
}

package dev.kiln.core.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The data records of a delimited text file, after its header; every record must have as many fields as the header. */
final class CsvRecords implements RecordSource {
    private final CsvTokenizer tokenizer;
    private final MissingMarkers markers;
    private final boolean quotedMarkersAreMissing;
    private final List<String> names;
    private final String expectedFrom;
    private boolean firstRecordPending;

    CsvRecords(CharWindow in, CsvOptions options) {
        this.tokenizer = new CsvTokenizer(in, options.delimiter(), options.quote(), options.commentPrefix());
        this.markers = new MissingMarkers(options.missingMarkers());
        this.quotedMarkersAreMissing = options.quotedMarkersAreMissing();
        this.expectedFrom = options.header() ? "as in the header" : "as in the first line";
        try {
            this.names = Collections.unmodifiableList(readNames(options.header()));
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
        tokenizer.columnNames(names);
    }

    /** The header's names, or numbered names for as many fields as the first line has. */
    private List<String> readNames(boolean header) {
        boolean any = tokenizer.next();
        List<String> names = new ArrayList<>();
        if (header) {
            if (!any) {
                throw DataFormatException.of(tokenizer.source(), "expected a header line naming the columns, found "
                        + (tokenizer.skippedLines() ? "only blank or comment lines" : "an empty input"));
            }
            for (int i = 0; i < tokenizer.count(); i++) {
                names.add(ColumnNames.of(tokenizer.text(i), i));
            }
            ColumnNames.checkUnique(names, tokenizer.source(), tokenizer.recordLine(), "in the header");
        } else {
            for (int i = 0; any && i < tokenizer.count(); i++) {
                names.add("column_" + (i + 1));
            }
            firstRecordPending = any;
        }
        return names;
    }

    @Override
    public boolean next() {
        if (firstRecordPending) {
            firstRecordPending = false;
            return true;
        }
        if (!tokenizer.next()) {
            return false;
        }
        if (tokenizer.count() != names.size()) {
            throw DataFormatException.atLine(tokenizer.source(), tokenizer.recordLine(), "expected " + names.size()
                    + (names.size() == 1 ? " field " : " fields ") + expectedFrom + ", found " + tokenizer.count());
        }
        return true;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public boolean namesKnownUpFront() {
        return true;
    }

    @Override
    public String source() {
        return tokenizer.source();
    }

    @Override
    public int size() {
        return tokenizer.count();
    }

    @Override
    public int column(int entry) {
        return entry;
    }

    @Override
    public Kind kind(int entry) {
        if (tokenizer.isQuoted(entry) && !quotedMarkersAreMissing) {
            return Kind.TEXT;
        }
        return markers.matches(tokenizer.buffer(), tokenizer.start(entry), tokenizer.length(entry)) ? Kind.MISSING : Kind.TEXT;
    }

    @Override
    public char[] buffer() {
        return tokenizer.buffer();
    }

    @Override
    public int start(int entry) {
        return tokenizer.start(entry);
    }

    @Override
    public int length(int entry) {
        return tokenizer.length(entry);
    }

    @Override
    public long line(int entry) {
        return tokenizer.line(entry);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}

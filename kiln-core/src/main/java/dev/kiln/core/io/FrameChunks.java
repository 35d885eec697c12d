package dev.kiln.core.io;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.io.RecordSource.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of a file as consecutive frames of at most {@code rowsPerChunk} rows each, all of the
 * same {@link #schema()} (types and categorical levels found by reading the whole file first).
 * Holds the file open until the last chunk has been read or {@link #close()} is called.
 */
public final class FrameChunks implements Iterator<Frame>, AutoCloseable {
    private final RecordSource records;
    private final ColumnPlan plan;
    private final int rowsPerChunk;
    private final ValueParser parser = new ValueParser();
    private final int[] filledInRow;
    private int row;
    private boolean pending;
    private boolean finished;

    FrameChunks(RecordSource records, ColumnPlan plan, int rowsPerChunk) {
        this.records = records;
        this.plan = plan;
        this.rowsPerChunk = rowsPerChunk;
        this.filledInRow = new int[plan.columns().size()];
    }

    /** The names, types and categorical levels every chunk has. */
    public Schema schema() {
        return plan.schema();
    }

    @Override
    public boolean hasNext() {
        if (!pending && !finished) {
            pending = records.next();
            if (!pending) {
                close();
            }
        }
        return pending;
    }

    /** The next rows, at most {@code rowsPerChunk} of them. */
    @Override
    public Frame next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in " + records.source());
        }
        List<ColumnSink> sinks = sinks();
        int rows = 0;
        do {
            add(sinks);
            pending = false;
            rows++;
        } while (rows < rowsPerChunk && hasNext());
        return frame(sinks);
    }

    /** The chunks as a stream; closing the stream closes the file. */
    public Stream<Frame> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /** A frame with the planned columns and no rows. */
    Frame empty() {
        return frame(sinks());
    }

    /** All remaining rows as one frame (an empty one when there are none), closing the file. */
    Frame rest() {
        try {
            return hasNext() ? next() : empty();
        } finally {
            close();
        }
    }

    private void add(List<ColumnSink> sinks) {
        row++;
        char[] b = records.buffer();
        int n = records.size();
        for (int i = 0; i < n; i++) {
            int column = records.column(i);
            ColumnSink sink = sinks.get(column);
            filledInRow[column] = row;
            if (records.kind(i) == Kind.MISSING) {
                sink.addMissing();
            } else {
                sink.add(b, records.start(i), records.length(i), records.line(i));
            }
        }
        if (n < sinks.size()) {
            for (int c = 0; c < sinks.size(); c++) {
                if (filledInRow[c] != row) {
                    sinks.get(c).addMissing();
                }
            }
        }
    }

    private List<ColumnSink> sinks() {
        List<ColumnSink> sinks = new ArrayList<>(plan.columns().size());
        for (ColumnPlan.Column c : plan.columns()) {
            sinks.add(ColumnSink.of(c, records.source(), parser));
        }
        return sinks;
    }

    private static Frame frame(List<ColumnSink> sinks) {
        List<Column> columns = new ArrayList<>(sinks.size());
        for (ColumnSink s : sinks) {
            columns.add(s.build());
        }
        return Frame.of(columns);
    }

    /** Closes the file; later calls to {@link #hasNext()} return false. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            pending = false;
            records.close();
        }
    }
}

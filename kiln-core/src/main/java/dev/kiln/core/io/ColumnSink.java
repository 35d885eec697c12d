package dev.kiln.core.io;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.frame.TextColumn;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** Builds one typed column from the text of its values, in the second pass. */
final class ColumnSink {
    /** Something done with a value given as a slice of chars. */
    private interface SliceAction {
        void accept(char[] b, int off, int len);
    }

    /** A check of a value given as a slice of chars. */
    private interface SliceTest {
        boolean test(char[] b, int off, int len);
    }

    private static final SliceTest ANY = (b, off, len) -> true;

    private final ColumnPlan.Column plan;
    private final String source;
    private final SliceTest fits;
    private final SliceAction append;
    private final Runnable missing;
    private final Supplier<Column> builder;

    private ColumnSink(ColumnPlan.Column plan, String source, SliceTest fits, SliceAction append, Runnable missing,
                       Supplier<Column> builder) {
        this.plan = plan;
        this.source = source;
        this.fits = fits;
        this.append = append;
        this.missing = missing;
        this.builder = builder;
    }

    /** A sink for the column {@code plan} describes; values are parsed with {@code parser}. */
    static ColumnSink of(ColumnPlan.Column plan, String source, ValueParser parser) {
        String name = plan.name();
        return switch (plan.type()) {
            case DOUBLE -> {
                DoubleColumn.Builder out = DoubleColumn.builder(name);
                yield new ColumnSink(plan, source, parser::parseDouble, (b, off, len) -> out.add(parser.doubleValue),
                        out::addMissing, out::build);
            }
            case LONG -> {
                LongColumn.Builder out = LongColumn.builder(name);
                yield new ColumnSink(plan, source, parser::parseLong, (b, off, len) -> out.add(parser.longValue),
                        out::addMissing, out::build);
            }
            case BOOLEAN -> {
                BooleanColumn.Builder out = BooleanColumn.builder(name);
                yield new ColumnSink(plan, source, parser::parseBoolean, (b, off, len) -> out.add(parser.booleanValue),
                        out::addMissing, out::build);
            }
            case CATEGORICAL -> {
                Codes out = new Codes(plan);
                yield new ColumnSink(plan, source, out::find, (b, off, len) -> out.append(out.found), () -> out.append(-1),
                        out::build);
            }
            case TEXT -> {
                TextColumn.Builder out = TextColumn.builder(name);
                yield new ColumnSink(plan, source, ANY, (b, off, len) -> out.add(new String(b, off, len)),
                        out::addMissing, out::build);
            }
        };
    }

    /**
     * Appends a present value.
     *
     * @throws DataFormatException when the text does not fit the column's type
     */
    void add(char[] b, int off, int len, long line) {
        if (!fits.test(b, off, len)) {
            String detail = plan.type() == ColumnType.CATEGORICAL
                    ? "expected one of the " + plan.levels().size() + " values found when the input was first read, got "
                            + Values.quote(b, off, len) + "; was the file changed while it was read?"
                    : Values.expected(plan.type()) + ", got " + Values.quote(b, off, len);
            throw DataFormatException.inColumn(source, line, plan.name(), plan.index(), detail);
        }
        append.accept(b, off, len);
    }

    void addMissing() {
        missing.run();
    }

    Column build() {
        return builder.get();
    }

    /** Codes values against the levels the first pass found, so every chunk has the same levels. */
    private static final class Codes {
        private final ColumnPlan.Column plan;
        private final List<String> levels;
        private int[] codes = new int[64];
        private int size;
        private int found;

        Codes(ColumnPlan.Column plan) {
            this.plan = plan;
            this.levels = plan.levels().values();
        }

        /** Whether the value is a known level, leaving its code in {@link #found}. */
        boolean find(char[] b, int off, int len) {
            found = plan.levels().indexOf(b, off, len);
            return found >= 0;
        }

        void append(int code) {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, size * 2);
            }
            codes[size++] = code;
        }

        Column build() {
            return CategoricalColumn.ofCodes(plan.name(), Arrays.copyOf(codes, size), levels);
        }
    }
}

package dev.kiln.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import java.io.StringReader;

/** Reading CSV text in tests, and comparing frames value by value. */
final class Frames {
    static final String SOURCE = "test.csv";

    private Frames() {
    }

    static Frame csv(String text) {
        return csv(text, CsvOptions.defaults());
    }

    static Frame csv(String text, CsvOptions options) {
        return CsvReader.read(new StringReader(text), SOURCE, options);
    }

    static DataFormatException csvError(String text) {
        return csvError(text, CsvOptions.defaults());
    }

    static DataFormatException csvError(String text, CsvOptions options) {
        DataFormatException e = catchThrowableOfType(DataFormatException.class, () -> csv(text, options));
        assertThat(e).as("reading should fail:\n%s", text).isNotNull();
        return e;
    }

    /** Asserts equal names, types and values; doubles must be equal bit for bit (so -0.0 differs from 0.0). */
    static void assertSameFrame(Frame actual, Frame expected) {
        assertThat(actual.names()).isEqualTo(expected.names());
        assertThat(actual.columns().stream().map(Column::type).toList())
                .isEqualTo(expected.columns().stream().map(Column::type).toList());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (int j = 0; j < expected.columnCount(); j++) {
            Column a = actual.column(j);
            Column e = expected.column(j);
            for (int i = 0; i < expected.rowCount(); i++) {
                assertThat(a.isMissing(i)).as("column %s row %d missing", e.name(), i).isEqualTo(e.isMissing(i));
                if (e instanceof DoubleColumn d) {
                    assertThat(Double.doubleToLongBits(((DoubleColumn) a).get(i)))
                            .as("column %s row %d: %s vs %s", e.name(), i, ((DoubleColumn) a).get(i), d.get(i))
                            .isEqualTo(Double.doubleToLongBits(d.get(i)));
                } else {
                    assertThat(a.text(i)).as("column %s row %d", e.name(), i).isEqualTo(e.text(i));
                }
            }
        }
    }
}

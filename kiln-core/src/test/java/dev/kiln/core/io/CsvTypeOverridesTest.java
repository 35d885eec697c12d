package dev.kiln.core.io;

import static dev.kiln.core.io.Frames.csv;
import static dev.kiln.core.io.Frames.csvError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import org.junit.jupiter.api.Test;

class CsvTypeOverridesTest {
    private static final String ZIPS = "zip,n\n007, 1\n 42,2\nNA,3\n";

    private static CsvOptions forcing(String column, ColumnType type) {
        return CsvOptions.builder().type(column, type).build();
    }

    @Test
    void textKeepsNumbersAsWritten() {
        TextColumn zip = (TextColumn) csv(ZIPS, forcing("zip", ColumnType.TEXT)).column("zip");
        assertThat(zip.get(0)).isEqualTo("007");
        assertThat(zip.get(1)).isEqualTo(" 42");
        assertThat(zip.isMissing(2)).isTrue();
    }

    @Test
    void categoricalTakesLevelsInOrderOfAppearance() {
        CategoricalColumn zip = (CategoricalColumn) csv(ZIPS, forcing("zip", ColumnType.CATEGORICAL)).column("zip");
        assertThat(zip.levels()).containsExactly("007", " 42");
    }

    @Test
    void doubleWidensWholeNumbers() {
        Column n = csv(ZIPS, forcing("n", ColumnType.DOUBLE)).column("n");
        assertThat(((DoubleColumn) n).toArray()).containsExactly(1, 2, 3);
    }

    @Test
    void categoricalHoldsSentencesThatInferenceWouldCallText() {
        Frame f = csv("s\nthis is a rather long sentence of some forty-odd characters\n",
                forcing("s", ColumnType.CATEGORICAL));
        assertThat(f.column("s").type()).isEqualTo(ColumnType.CATEGORICAL);
    }

    @Test
    void aValueThatIsNotANumberIsAnErrorWithFileLineAndColumn() {
        DataFormatException e = csvError("name,age\nann,31\nbob,abc\n", forcing("age", ColumnType.DOUBLE));
        assertThat(e.getMessage()).isEqualTo("test.csv:3: column 'age': expected a number, got 'abc'");
        assertThat(e.source()).isEqualTo("test.csv");
        assertThat(e.line()).hasValue(3);
        assertThat(e.column()).hasValue("age");
        assertThat(e.columnIndex()).hasValue(1);
        assertThat(e.detail()).isEqualTo("expected a number, got 'abc'");
    }

    @Test
    void aFractionForALongIsAnError() {
        assertThat(csvError("x\n1\n1.5\n", forcing("x", ColumnType.LONG)).getMessage())
                .isEqualTo("test.csv:3: column 'x': expected a whole number within the range of a long, got '1.5'");
    }

    @Test
    void aWordForABooleanIsAnError() {
        assertThat(csvError("x\ntrue\nyes\n", forcing("x", ColumnType.BOOLEAN)).detail())
                .isEqualTo("expected true or false, got 'yes'");
    }

    @Test
    void theLineOfABadValueCountsEarlierMultiLineFields() {
        assertThat(csvError("t,x\n\"a\nb\",1\nc,z\n", forcing("x", ColumnType.LONG)).line()).hasValue(4);
    }

    @Test
    void aTypeForAColumnNotInTheHeaderIsAnErrorListingTheHeader() {
        DataFormatException e = csvError("name,age\nann,31\n", forcing("agee", ColumnType.DOUBLE));
        assertThat(e.getMessage()).isEqualTo("test.csv: a type is given for unknown column 'agee' (did you mean 'age'?); "
                + "available columns: name, age");
    }
}

package dev.kiln.core.io;

import static dev.kiln.core.io.Frames.csv;
import static dev.kiln.core.io.Frames.csvError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import org.junit.jupiter.api.Test;

class CsvHeaderTest {

    @Test
    void namesAreTakenAsWritten() {
        assertThat(csv(" a ,B,sepal length (cm)\n1,2,3\n").names()).containsExactly(" a ", "B", "sepal length (cm)");
    }

    @Test
    void emptyAndBlankNamesBecomeUnnamedWithTheirPosition() {
        assertThat(csv(",b,  ,\"\"\n1,2,3,4\n").names()).containsExactly("unnamed_1", "b", "unnamed_3", "unnamed_4");
    }

    @Test
    void aDuplicateNameIsAnErrorGivingBothPositions() {
        DataFormatException e = csvError("\nid,x,y,x\n1,2,3,4\n");
        assertThat(e.getMessage()).isEqualTo("test.csv:2: column 'x': the name appears twice in the header, "
                + "at positions 2 and 4; column names must be unique");
        assertThat(e.columnIndex()).hasValue(3);
    }

    @Test
    void anEmptyInputHasNoHeaderLine() {
        DataFormatException e = csvError("");
        assertThat(e.getMessage()).isEqualTo("test.csv: expected a header line naming the columns, found an empty input");
        assertThat(e.line()).isEmpty();
    }

    @Test
    void anInputOfBlankLinesHasNoHeaderLine() {
        assertThat(csvError("\n\r\n\n").detail())
                .isEqualTo("expected a header line naming the columns, found only blank or comment lines");
    }

    @Test
    void aHeaderAloneGivesNoRowsAndTheHeadersColumns() {
        Frame f = csv("a,b,c\n");
        assertThat(f.rowCount()).isZero();
        assertThat(f.names()).containsExactly("a", "b", "c");
        assertThat(f.columns()).extracting(Column::type).containsOnly(ColumnType.DOUBLE);
    }

    @Test
    void aHeaderAloneTakesForcedTypes() {
        Frame f = csv("a,b", CsvOptions.builder().type("b", ColumnType.TEXT).build());
        assertThat(f.columns()).extracting(Column::type).containsExactly(ColumnType.DOUBLE, ColumnType.TEXT);
    }

    @Test
    void withoutAHeaderColumnsAreNumberedAndTheFirstLineIsData() {
        Frame f = csv("1,x\n2,y\n", CsvOptions.builder().header(false).build());
        assertThat(f.names()).containsExactly("column_1", "column_2");
        assertThat(f.rowCount()).isEqualTo(2);
        assertThat(f.column("column_1").text(0)).isEqualTo("1");
    }

    @Test
    void withoutAHeaderAnEmptyInputIsAnEmptyFrame() {
        Frame f = csv("", CsvOptions.builder().header(false).build());
        assertThat(f.columnCount()).isZero();
        assertThat(f.rowCount()).isZero();
    }
}

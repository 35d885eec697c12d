package dev.kiln.core.io;

import static dev.kiln.core.io.Frames.csv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import org.junit.jupiter.api.Test;

class CsvDelimitersTest {

    @Test
    void theTsvPresetSplitsOnTabsAndKeepsCommas() {
        Frame f = csv("name\tvalue\nx,y\t1.5\n\"a\tb\"\t2\n", CsvOptions.tsv());
        assertThat(f.names()).containsExactly("name", "value");
        assertThat(f.column("name").text(0)).isEqualTo("x,y");
        assertThat(f.column("name").text(1)).isEqualTo("a\tb");
        assertThat(f.column("value").type()).isEqualTo(ColumnType.DOUBLE);
    }

    @Test
    void anyOtherDelimiterCanBeChosen() {
        Frame f = csv("a;b\n1,5;2\n", CsvOptions.builder().delimiter(';').build());
        assertThat(f.column("a").text(0)).isEqualTo("1,5");
        assertThat(f.column("b").type()).isEqualTo(ColumnType.LONG);
    }
}

package dev.kiln.core.io;

import static dev.kiln.core.io.Frames.csv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CsvMissingValuesTest {

    static Stream<String> pandasMarkers() {
        return CsvOptions.PANDAS_MISSING_MARKERS.stream();
    }

    @ParameterizedTest
    @MethodSource("pandasMarkers")
    void eachPandasMarkerIsMissingQuotedOrNot(String marker) {
        Frame f = csv("x,y\n1,a\n" + marker + ",b\n\"" + marker + "\",c\n");
        Column x = f.column("x");
        assertThat(x.type()).isEqualTo(ColumnType.LONG);
        assertThat(x.isMissing(0)).isFalse();
        assertThat(x.isMissing(1)).isTrue();
        assertThat(x.isMissing(2)).isTrue();
    }

    @Test
    void markersAreComparedExactly() {
        Frame f = csv("x\n1\n NA\nna\nNa\n");
        assertThat(f.column("x").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(f.column("x").missingCount()).isZero();
    }

    @Test
    void everyTypeCanHoldMissingValues() {
        Frame f = csv("l,d,b,c,t\n"
                + "1,1.5,true,red," + "a long sentence of free text that goes on and on\n"
                + "NA,,null,N/A,NULL\n");
        assertThat(f.columns()).extracting(Column::type).containsExactly(ColumnType.LONG, ColumnType.DOUBLE,
                ColumnType.BOOLEAN, ColumnType.CATEGORICAL, ColumnType.TEXT);
        assertThat(f.columns()).allSatisfy(c -> {
            assertThat(c.isMissing(0)).isFalse();
            assertThat(c.isMissing(1)).isTrue();
        });
    }

    @Test
    void customMarkersReplaceTheDefaults() {
        CsvOptions options = CsvOptions.builder().missingMarkers(List.of("?", "-")).build();
        Frame f = csv("n,s\n1,NA\n?,\n-,x\n", options);
        assertThat(f.column("n").type()).isEqualTo(ColumnType.LONG);
        assertThat(f.column("n").missingCount()).isEqualTo(2);
        assertThat(f.column("s").missingCount()).isZero();
        assertThat(f.column("s").text(0)).isEqualTo("NA");
        assertThat(f.column("s").text(1)).isEmpty();
    }

    @Test
    void quotedFieldsCanBeKeptAsValues() {
        CsvOptions options = CsvOptions.builder().quotedMarkersAreMissing(false).build();
        Frame f = csv("s,n\n\"\",1\n\"NA\",2\n,3\nNA,4\n", options);
        Column s = f.column("s");
        assertThat(s.text(0)).isEmpty();
        assertThat(s.text(1)).isEqualTo("NA");
        assertThat(s.isMissing(2)).isTrue();
        assertThat(s.isMissing(3)).isTrue();
    }

    @Test
    void nanIsAMissingDoubleWhenItIsNoMarker() {
        Frame f = csv("x\n1.5\nNaN\n", CsvOptions.builder().missingMarkers(List.of("")).build());
        assertThat(f.column("x").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(f.column("x").isMissing(1)).isTrue();
    }
}

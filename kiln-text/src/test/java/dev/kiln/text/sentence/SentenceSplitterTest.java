package dev.kiln.text.sentence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private final SentenceSplitter splitter = SentenceSplitter.english();

    @Test
    void splitsAtTerminatorsFollowedBySpace() {
        assertThat(splitter.sentences("It rained. Did it stop? No!  It did not."))
                .containsExactly("It rained.", "Did it stop?", "No!", "It did not.");
    }

    @Test
    void reportsOffsetsOfTheTrimmedSentences() {
        String text = "  One here.\tTwo there!  ";
        List<Sentence> sentences = splitter.split(text);
        assertThat(sentences).containsExactly(new Sentence("One here.", 2, 11), new Sentence("Two there!", 12, 22));
        for (Sentence s : sentences) {
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
        }
    }

    @Test
    void emptyAndBlankTextHaveNoSentencesAndTextWithoutTerminatorIsOne() {
        assertThat(splitter.split("")).isEmpty();
        assertThat(splitter.split(" \n\t ")).isEmpty();
        assertThat(splitter.sentences("no full stop at the end")).containsExactly("no full stop at the end");
    }

    @Test
    void titlesAndLatinAbbreviationsDoNotEndSentences() {
        assertThat(splitter.sentences("Mr. Smith met Dr. Jones and Prof. Lee. They talked, e.g. about maths, i.e. algebra. Then vs. now."))
                .containsExactly("Mr. Smith met Dr. Jones and Prof. Lee.", "They talked, e.g. about maths, i.e. algebra.", "Then vs. now.");
        assertThat(splitter.sentences("See Fig. 3 and No. 5 (cf. Smith). Done."))
                .containsExactly("See Fig. 3 and No. 5 (cf. Smith).", "Done.");
    }

    @Test
    void abbreviationsThatMayEndASentenceEndOneBeforeACapital() {
        assertThat(splitter.sentences("She moved to the U.S. in May. The U.S. It was big. Apples, pears, etc. Fruit is good."))
                .containsExactly("She moved to the U.S. in May.", "The U.S.", "It was big.", "Apples, pears, etc.", "Fruit is good.");
        assertThat(splitter.sentences("We met at 5 p.m. and left at 6 p.m. Nobody stayed."))
                .containsExactly("We met at 5 p.m. and left at 6 p.m.", "Nobody stayed.");
    }

    @Test
    void initialsAndItemNumbersDoNotEndSentences() {
        assertThat(splitter.sentences("J. R. R. Tolkien wrote it. 1. Preheat the oven. 2. Bake it. In 1999. Prices rose."))
                .containsExactly("J. R. R. Tolkien wrote it.", "1. Preheat the oven.", "2. Bake it.", "In 1999.", "Prices rose.");
    }

    @Test
    void decimalsUrlsAndEmailsAreNotBoundaries() {
        assertThat(splitter.sentences("Pi is 3.14 roughly. Visit www.example.com today. Write to a.b@c.org now."))
                .containsExactly("Pi is 3.14 roughly.", "Visit www.example.com today.", "Write to a.b@c.org now.");
    }

    @Test
    void closingQuotesAndBracketsStayWithTheirSentence() {
        assertThat(splitter.sentences("He said, \"Stop.\" Then he left. (It was late.) “Why?” she asked. ‘Fine!’ Done."))
                .containsExactly("He said, \"Stop.\"", "Then he left.", "(It was late.)", "“Why?” she asked.", "‘Fine!’", "Done.");
    }

    @Test
    void ellipsesEndASentenceOnlyBeforeACapital() {
        assertThat(splitter.sentences("I was... thinking. Wait... What? Really?! Yes… Fine."))
                .containsExactly("I was... thinking.", "Wait...", "What?", "Really?!", "Yes…", "Fine.");
    }

    @Test
    void lowerCaseAfterATerminatorContinuesTheSentence() {
        assertThat(splitter.sentences("Yahoo! is a company. It works.")).containsExactly("Yahoo! is a company.", "It works.");
    }

    @Test
    void blankLinesAlwaysSplit() {
        assertThat(splitter.sentences("A heading\n\nThe body starts here.\r\n  \r\nNext para\nstill para."))
                .containsExactly("A heading", "The body starts here.", "Next para\nstill para.");
    }

    @Test
    void fullWidthTerminatorsNeedNoSpace() {
        assertThat(splitter.sentences("今日は晴れ。明日は雨？そうです！")).containsExactly("今日は晴れ。", "明日は雨？", "そうです！");
    }

    @Test
    void acceptsExtraAbbreviations() {
        String text = "It is approx. Ten. Call Univ. Admissions.";
        assertThat(splitter.sentences(text)).containsExactly("It is approx. Ten.", "Call Univ.", "Admissions.");
        SentenceSplitter more = splitter.withAbbreviations("Univ.");
        assertThat(more.sentences(text)).containsExactly("It is approx. Ten.", "Call Univ. Admissions.");
        assertThat(splitter.sentences(text)).as("the original is unchanged").hasSize(3);
    }

    @Test
    void rejectsBadAbbreviationsAndNullText() {
        assertThatThrownBy(() -> splitter.withAbbreviations("two words")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one word").hasMessageContaining("two words");
        assertThatThrownBy(() -> splitter.withAbbreviations(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> splitter.split(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Sentence("abc", 0, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length 3");
    }
}

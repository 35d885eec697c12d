package dev.kiln.text.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {
    private final WordTokenizer tokenizer = new WordTokenizer();

    private List<String> texts(String text) {
        return tokenizer.texts(text);
    }

    private TokenKind kindOf(String text, String token) {
        return tokenizer.tokenize(text).stream().filter(t -> t.text().equals(token)).findFirst()
                .orElseThrow(() -> new AssertionError("no token '" + token + "' in " + texts(text))).kind();
    }

    @Test
    void splitsWordsAndPunctuationWithOffsetsIntoTheInput() {
        String text = "Hello, world! How are you?";
        List<Token> tokens = tokenizer.tokenize(text);
        assertThat(tokens).extracting(Token::text).containsExactly("Hello", ",", "world", "!", "How", "are", "you", "?");
        assertThat(tokens).extracting(Token::kind).containsExactly(TokenKind.WORD, TokenKind.PUNCT, TokenKind.WORD,
                TokenKind.PUNCT, TokenKind.WORD, TokenKind.WORD, TokenKind.WORD, TokenKind.PUNCT);
        assertThat(tokens.get(2)).isEqualTo(new Token("world", TokenKind.WORD, 7, 12));
        for (Token t : tokens) {
            assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
        }
    }

    @Test
    void emptyAndBlankTextHaveNoTokens() {
        assertThat(tokenizer.tokenize("")).isEmpty();
        assertThat(tokenizer.tokenize(" \t\n\u00A0\u3000 ")).isEmpty();
    }

    @Test
    void rejectsNullTextAndNullOptions() {
        assertThatThrownBy(() -> tokenizer.tokenize(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("text");
        assertThatThrownBy(() -> new WordTokenizer(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TokenizerOptions.defaults()");
    }

    @Nested
    class Words {
        @Test
        void keepsInnerHyphensUnderscoresAndApostrophes() {
            assertThat(texts("state-of-the-art COVID-19 snake_case O'Neill rock'n'roll"))
                    .containsExactly("state-of-the-art", "COVID-19", "snake_case", "O'Neill", "rock'n'roll");
        }

        @Test
        void separatesHyphensThatDoNotJoinTwoWords() {
            assertThat(texts("pages 5-7, well- -known --")).containsExactly("pages", "5", "-", "7", ",", "well", "-", "-", "known", "--");
        }

        @Test
        void keepsDottedAbbreviationsWhole() {
            assertThat(texts("The U.S. economy, e.g. jobs, at 5 a.m. (Ph.D.)"))
                    .containsExactly("The", "U.S.", "economy", ",", "e.g.", "jobs", ",", "at", "5", "a.m.", "(", "Ph.D.", ")");
            assertThat(texts("example.com end.Next")).containsExactly("example", ".", "com", "end", ".", "Next");
        }

        @Test
        void handlesOtherScriptsAndCombiningMarks() {
            assertThat(texts("Привет, мир! Ελληνικά café naïve")).containsExactly("Привет", ",", "мир", "!", "Ελληνικά", "café", "naïve");
            // "e" + COMBINING ACUTE ACCENT stays one word, as does Devanagari with its vowel signs.
            assertThat(texts("cafe\u0301 au lait")).containsExactly("cafe\u0301", "au", "lait");
            assertThat(texts("नमस्ते दुनिया")).containsExactly("नमस्ते", "दुनिया");
            assertThat(texts("日本語のテキスト")).containsExactly("日本語のテキスト");
        }

        @Test
        void trailingApostrophesAreSeparate() {
            assertThat(texts("the students' books 'quoted'")).containsExactly("the", "students", "'", "books", "'", "quoted", "'");
        }
    }

    @Nested
    class Numbers {
        @Test
        void readsDecimalsAndThousandsSeparators() {
            assertThat(texts("pi is 3.14, a grand is 1,000 and 1,234,567.89 is big."))
                    .containsExactly("pi", "is", "3.14", ",", "a", "grand", "is", "1,000", "and", "1,234,567.89", "is", "big", ".");
            assertThat(kindOf("pi is 3.14", "3.14")).isEqualTo(TokenKind.NUMBER);
            assertThat(kindOf("a grand is 1,000.", "1,000")).isEqualTo(TokenKind.NUMBER);
        }

        @Test
        void aCommaNotFollowedByExactlyThreeDigitsSeparates() {
            assertThat(texts("1,2,3 and 3,14 and 1,0000")).containsExactly("1", ",", "2", ",", "3", "and", "3", ",", "14", "and", "1", ",", "0000");
        }

        @Test
        void signsUnitsAndSentenceFullStopsAreSeparate() {
            assertThat(texts("-5 $20 50% costs 3.")).containsExactly("-", "5", "$", "20", "50", "%", "costs", "3", ".");
        }

        @Test
        void digitsMixedWithLettersMakeAWord() {
            assertThat(kindOf("the 1st mp3", "1st")).isEqualTo(TokenKind.WORD);
            assertThat(kindOf("the 1st mp3", "mp3")).isEqualTo(TokenKind.WORD);
            assertThat(kindOf("٣٤٥ items", "٣٤٥")).isEqualTo(TokenKind.NUMBER);
        }
    }

    @Nested
    class UrlsAndEmails {
        @Test
        void findsUrlsWithoutTrailingPunctuation() {
            List<Token> tokens = tokenizer.tokenize("See https://example.org/a?b=1&c=2#top, or www.kiln.dev.");
            assertThat(tokens).extracting(Token::text)
                    .containsExactly("See", "https://example.org/a?b=1&c=2#top", ",", "or", "www.kiln.dev", ".");
            assertThat(tokens.get(1).kind()).isEqualTo(TokenKind.URL);
            assertThat(tokens.get(4).kind()).isEqualTo(TokenKind.URL);
        }

        @Test
        void keepsBalancedBracketsInsideUrls() {
            assertThat(texts("(see https://en.wikipedia.org/wiki/Pi_(letter)).")).containsExactly(
                    "(", "see", "https://en.wikipedia.org/wiki/Pi_(letter)", ")", ".");
            assertThat(texts("[http://a.io/x]")).containsExactly("[", "http://a.io/x", "]");
        }

        @Test
        void aSchemeWithNothingAfterItIsNotAUrl() {
            assertThat(tokenizer.tokenize("http:// www.")).extracting(Token::kind).doesNotContain(TokenKind.URL);
        }

        @Test
        void findsEmailAddresses() {
            List<Token> tokens = tokenizer.tokenize("Mail ada.lovelace+ml@math.example.ac.uk, or bob@x.io.");
            assertThat(tokens).extracting(Token::text).containsExactly("Mail", "ada.lovelace+ml@math.example.ac.uk", ",", "or", "bob@x.io", ".");
            assertThat(tokens).filteredOn(t -> t.kind() == TokenKind.EMAIL).hasSize(2);
        }

        @Test
        void anAtSignWithoutADomainIsNotAnEmail() {
            assertThat(tokenizer.tokenize("me@home and a@b.c and x@-y.com")).extracting(Token::kind).doesNotContain(TokenKind.EMAIL);
        }
    }

    @Nested
    class EmoticonsAndEmoji {
        @Test
        void findsEmoticons() {
            List<Token> tokens = tokenizer.tokenize("great :-) bad :( wink ;) love <3 lol XD cry :'( yay ^_^ meh -_- haha :)))");
            assertThat(tokens).filteredOn(t -> t.kind() == TokenKind.EMOTICON).extracting(Token::text)
                    .containsExactly(":-)", ":(", ";)", "<3", "XD", ":'(", "^_^", "-_-", ":)))");
        }

        @Test
        void emoticonsMayFollowAWordDirectly() {
            assertThat(texts("great:) thanks;)")).containsExactly("great", ":)", "thanks", ";)");
        }

        @Test
        void timesRatiosPathsAndLabelsAreNotEmoticons() {
            assertThat(tokenizer.tokenize("at 12:30, ratio 1:3, C:\\Users, note:Paris, f(x)=y, foo://bar, x<3"))
                    .extracting(Token::kind).doesNotContain(TokenKind.EMOTICON);
        }

        @Test
        void keepsEmojiSequencesWhole() {
            String family = "👨\u200D👩\u200D👧";
            String coder = "👩🏽\u200D💻";
            String flag = "🇫🇷";
            String keycap = "1\uFE0F\u20E3";
            String heart = "❤\uFE0F";
            String scotland = "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
            String text = "hi😀 " + family + coder + " " + flag + keycap + heart + "! " + scotland + " 👍🏻👍";
            List<Token> tokens = tokenizer.tokenize(text);
            assertThat(tokens).extracting(Token::text)
                    .containsExactly("hi", "😀", family, coder, flag, keycap, heart, "!", scotland, "👍🏻", "👍");
            assertThat(tokens).filteredOn(t -> t.kind() == TokenKind.EMOJI).hasSize(9);
            Token coderToken = tokens.get(3);
            assertThat(text.substring(coderToken.start(), coderToken.end())).isEqualTo(coder);
        }

        @Test
        void textStyleSymbolsAreEmojiOnlyWithTheEmojiSelector() {
            assertThat(kindOf("Copyright © 2024", "©")).isEqualTo(TokenKind.PUNCT);
            assertThat(kindOf("TM™", "™")).isEqualTo(TokenKind.PUNCT);
            assertThat(kindOf("I ❤ NY", "❤")).isEqualTo(TokenKind.EMOJI);
            assertThat(kindOf("©\uFE0F", "©\uFE0F")).isEqualTo(TokenKind.EMOJI);
        }

        @Test
        void aHashWithoutKeycapIsPunctuation() {
            assertThat(texts("#nlp #1")).containsExactly("#", "nlp", "#", "1");
        }
    }

    @Nested
    class Options {
        @Test
        void keepsContractionsWholeByDefault() {
            assertThat(texts("I don't think we'll go, it's John's.")).containsExactly(
                    "I", "don't", "think", "we'll", "go", ",", "it's", "John's", ".");
        }

        @Test
        void splitsContractionsLikeThePennTreebank() {
            WordTokenizer split = new WordTokenizer(TokenizerOptions.defaults().withContractions(Contractions.SPLIT));
            assertThat(split.texts("I'm sure they'd've said we can't, won't and DON'T; O'Neill's rock'n'roll."))
                    .containsExactly("I", "'m", "sure", "they", "'d", "'ve", "said", "we", "ca", "n't", ",", "wo", "n't",
                            "and", "DO", "N'T", ";", "O'Neill", "'s", "rock'n'roll", ".");
            List<Token> tokens = split.tokenize("don’t");
            assertThat(tokens).containsExactly(new Token("do", TokenKind.WORD, 0, 2), new Token("n’t", TokenKind.WORD, 2, 5));
        }

        @Test
        void lowerCasesWordsAndEmailsButNotOtherTokens() {
            WordTokenizer lower = new WordTokenizer(TokenizerOptions.defaults().withLowercase(true));
            assertThat(lower.texts("Hello WORLD :D Ada@Example.ORG https://Example.org/Path İstanbul"))
                    .containsExactly("hello", "world", ":D", "ada@example.org", "https://Example.org/Path", "i̇stanbul");
        }

        @Test
        void foldsAccentsButKeepsLettersThatAreNotAccented() {
            WordTokenizer fold = new WordTokenizer(TokenizerOptions.defaults().withFoldAccents(true));
            assertThat(fold.texts("Café Ångström naïve cafe\u0301 Straße smørrebrød नमस्ते"))
                    .containsExactly("Cafe", "Angstrom", "naive", "cafe", "Straße", "smørrebrød", "नमस्ते");
            Token folded = fold.tokenize("x Ångström").get(1);
            assertThat(folded).isEqualTo(new Token("Angstrom", TokenKind.WORD, 2, 10));
        }

        @Test
        void combinesLowerCasingFoldingAndSplitting() {
            TokenizerOptions all = new TokenizerOptions(true, true, Contractions.SPLIT);
            assertThat(new WordTokenizer(all).texts("Zoë DIDN'T")).containsExactly("zoe", "did", "n't");
        }

        @Test
        void validatesOptions() {
            assertThatThrownBy(() -> new TokenizerOptions(false, false, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KEEP or SPLIT");
            assertThat(TokenizerOptions.defaults()).isEqualTo(new TokenizerOptions(false, false, Contractions.KEEP));
        }
    }

    @Test
    void tokensValidateTheirFields() {
        assertThatThrownBy(() -> new Token("", TokenKind.WORD, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Token("a", null, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Token("a", TokenKind.WORD, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start < end");
    }

    @Test
    void skipsControlAndFormatCharactersBetweenTokens() {
        assertThat(texts("\uFEFFa\u0000b \u200Dc")).containsExactly("a", "b", "c");
        assertThat(texts("soft\u00ADhyphen")).containsExactly("soft\u00ADhyphen");
    }

    @Test
    void staysLinearOnAdversarialInput() {
        String longLocalPart = "a.".repeat(200_000);
        String dottedLetters = "a.b.".repeat(100_000) + "xyz";
        String brackets = "http://x.io/" + ")".repeat(200_000);
        long started = System.nanoTime();
        assertThat(tokenizer.tokenize(longLocalPart)).hasSize(400_000);
        assertThat(tokenizer.tokenize(dottedLetters)).hasSize(400_001);
        assertThat(tokenizer.tokenize(brackets)).extracting(Token::text).startsWith("http://x.io/", ")".repeat(200_000));
        // Quadratic behaviour on these inputs would take minutes; linear takes milliseconds.
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }
}

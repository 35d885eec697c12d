package dev.kiln.text.lemma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The steps of morphy on small hand-made dictionaries, so that each step alone decides the
 * answer. Expected values follow NLTK's {@code _morphy} and morph.c's {@code morphstr}, traced
 * by hand as each test's comment shows.
 */
class MorphyTest {

    /** "catss": s → "" gives "cats", no lemma; again gives "cat". morph.c alone would stop after one round. */
    @Test
    void appliesTheRulesAgainUntilALemmaTurnsUp() {
        Morphy morphy = morphy(Map.of(Pos.NOUN, List.of("cat")), Map.of());
        assertThat(morphy.lemmas("catss", Pos.NOUN)).containsExactly("cat");
        assertThat(morphy.lemmas("cats", Pos.NOUN)).containsExactly("cat");
    }

    /** The form itself comes first, then the rule results in rule order: s → "" ("boxe") before xes → x ("box"). */
    @Test
    void listsTheFormFirstThenRuleResultsInRuleOrder() {
        Morphy morphy = morphy(Map.of(Pos.NOUN, List.of("boxes", "boxe", "box")), Map.of());
        assertThat(morphy.lemmas("boxes", Pos.NOUN)).containsExactly("boxes", "boxe", "box");
    }

    /**
     * A listed form gets its listed bases and nothing from the rules: "axes" is listed as "ax", so
     * "axe" (s → "") is not offered although it is a lemma; listed bases that are no lemma are dropped.
     */
    @Test
    void takesOnlyTheExceptionListForListedForms() {
        Morphy morphy = morphy(Map.of(Pos.NOUN, List.of("ax", "axe")),
                Map.of(Pos.NOUN, Map.of("axes", List.of("ax"), "aboideaux", List.of("aboideau"))));
        assertThat(morphy.lemmas("axes", Pos.NOUN)).containsExactly("ax");
        assertThat(morphy.lemmas("aboideaux", Pos.NOUN)).isEmpty();
    }

    /** Adverbs have no rules: "fasts" finds nothing though "fast" is an adverb; listed forms still work. */
    @Test
    void lemmatizesAdverbsByTheExceptionListOnly() {
        Morphy morphy = morphy(Map.of(Pos.ADVERB, List.of("fast", "well")),
                Map.of(Pos.ADVERB, Map.of("better", List.of("well"))));
        assertThat(morphy.lemmas("fasts", Pos.ADVERB)).isEmpty();
        assertThat(morphy.lemmas("better", Pos.ADVERB)).containsExactly("well");
    }

    /** Each part of speech has its own rules: "er" → "" is an adjective rule only. */
    @Test
    void keepsRulesToTheirPartOfSpeech() {
        Morphy morphy = morphy(Map.of(Pos.ADJECTIVE, List.of("fast"), Pos.NOUN, List.of("fast")), Map.of());
        assertThat(morphy.lemmas("faster", Pos.ADJECTIVE)).containsExactly("fast");
        assertThat(morphy.lemmas("faster", Pos.NOUN)).isEmpty();
    }

    /** morphword's "-ful": "cupsful" → "cups" → "cup" (a noun), plus "ful"; kept only if "cupful" is a noun too. */
    @Test
    void lemmatizesFulNounsThroughTheirStem() {
        assertThat(morphy(Map.of(Pos.NOUN, List.of("cup", "cupful")), Map.of()).lemmas("cupsful", Pos.NOUN))
                .containsExactly("cupful");
        assertThat(morphy(Map.of(Pos.NOUN, List.of("cup")), Map.of()).lemmas("cupsful", Pos.NOUN)).isEmpty();
    }

    /**
     * morphprep: "turned_on_lights" has the preposition "on"; the verb's rules give "turne" (ed → e)
     * and then "turn" (ed → ""); "turn_on_lights" is no verb, but the last word as a noun
     * ("lights" → "light") makes "turn_on_light", which is.
     */
    @Test
    void lemmatizesAVerbBeforeAPrepositionAndTheNounAfterIt() {
        Morphy morphy = morphy(Map.of(Pos.VERB, List.of("turn_on_light", "give_up"), Pos.NOUN, List.of("light")),
                Map.of(Pos.VERB, Map.of("gave", List.of("give"))));
        assertThat(morphy.lemmas("turned_on_lights", Pos.VERB)).containsExactly("turn_on_light");
        assertThat(morphy.lemmas("gave_up", Pos.VERB)).containsExactly("give_up");
        assertThat(morphy.lemmas("gave_xyzzy", Pos.VERB)).as("no preposition, and give_xyzzy is no verb").isEmpty();
        assertThat(morphy.lemmas("re-gave_up", Pos.VERB)).as("morphprep wants a verb of letters and digits").isEmpty();
    }

    /**
     * Word by word: "brothers-in-law" ends in no suffix; its words are lemmatized one by one
     * ("brothers" → "brother", a noun; "in" and "law" stay), keeping the hyphens.
     */
    @Test
    void lemmatizesCollocationsWordByWord() {
        Morphy morphy = morphy(Map.of(Pos.NOUN, List.of("brother", "brother-in-law", "bay", "bay_leaf")),
                Map.of(Pos.NOUN, Map.of("leaves", List.of("leaf"))));
        assertThat(morphy.lemmas("brothers-in-law", Pos.NOUN)).containsExactly("brother-in-law");
        assertThat(morphy.lemmas("bay_leaves", Pos.NOUN)).containsExactly("bay_leaf");
        assertThat(morphy(Map.of(Pos.NOUN, List.of("brother-in-law")), Map.of()).lemmas("brothers-in-law", Pos.NOUN))
                .as("morphword only strips a suffix when the stripped word is a noun").isEmpty();
    }

    /**
     * Word by word, morph.c leaves nouns in "ss" and of two letters alone: no rule applies to
     * "glass-of-water" or "us-boat" as a whole, and "glass" does not become "glas" nor "us" "u",
     * so "glas-of-water" and "u-boat" are not found though they are nouns here.
     */
    @Test
    void leavesNounsInSsAndShortNounsAloneWordByWord() {
        Morphy morphy = morphy(Map.of(Pos.NOUN, List.of("glas", "glas-of-water", "u", "u-boat")), Map.of());
        assertThat(morphy.lemmas("glass-of-water", Pos.NOUN)).isEmpty();
        assertThat(morphy.lemmas("us-boat", Pos.NOUN)).isEmpty();
        assertThat(morphy.lemmas("us", Pos.NOUN)).as("NLTK's rules do apply to whole words").containsExactly("u");
    }

    private static Morphy morphy(Map<Pos, List<String>> lemmas, Map<Pos, Map<String, List<String>>> exceptions) {
        LemmaIndex.Builder index = LemmaIndex.builder();
        lemmas.forEach((pos, words) -> words.forEach(word -> index.add(word, pos)));
        return new Morphy(new WordNet(index.build(), exceptions));
    }
}

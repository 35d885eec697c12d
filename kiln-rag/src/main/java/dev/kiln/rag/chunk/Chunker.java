package dev.kiln.rag.chunk;

import dev.kiln.rag.ingest.Document;
import dev.kiln.text.sentence.Sentence;
import dev.kiln.text.sentence.SentenceSplitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Cuts documents into chunks of at most {@code maxTokens} tokens. A chunk never spans a heading:
 * each section (the text from one heading to the next, and the text before the first) is chunked
 * apart, and a blank section gives none. Within a section, whole sentences (kiln-text's
 * {@link SentenceSplitter}) are packed while they fit; a sentence longer than the budget is cut
 * between words, and a single word longer than the budget is a chunk of its own, the one kind of
 * chunk over budget. Each chunk after the first of a section opens with the last sentences of the
 * one before, as many as fit in {@code overlapTokens}. A chunk's text is exactly
 * {@code document.text().substring(start, end)}; its id is {@code documentId#n}, n counting from 1
 * through the document. Immutable and thread-safe when its {@link TokenCounter} is.
 */
public final class Chunker {
    /**
     * @param maxTokens     the most tokens in a chunk, counting only its text's own (no [CLS] or [SEP]), ≥ 1 (256)
     * @param overlapTokens the most tokens of the previous chunk's last sentences repeated, 0 ≤ overlap &lt; maxTokens (32)
     */
    public record Settings(int maxTokens, int overlapTokens) {
        public Settings {
            if (maxTokens < 1) {
                throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
            }
            if (overlapTokens < 0 || overlapTokens >= maxTokens) {
                throw new IllegalArgumentException("overlapTokens must be at least 0 and less than maxTokens " + maxTokens + ", got "
                        + overlapTokens);
            }
        }

        public static Settings defaults() {
            return new Settings(256, 32);
        }
    }

    private final Settings settings;
    private final TokenCounter counter;
    private final SentenceSplitter splitter = SentenceSplitter.english();

    public Chunker(Settings settings, TokenCounter counter) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.counter = Objects.requireNonNull(counter, "counter");
    }

    /** A chunker counting all-MiniLM-L6-v2's word pieces, with the default settings. */
    public static Chunker allMiniLmL6V2() {
        return allMiniLmL6V2(Settings.defaults());
    }

    /** A chunker counting all-MiniLM-L6-v2's word pieces. */
    public static Chunker allMiniLmL6V2(Settings settings) {
        return new Chunker(settings, TokenCounter.allMiniLmL6V2());
    }

    public Settings settings() {
        return settings;
    }

    /** The chunks of {@code document}, in text order. */
    public List<Chunk> chunk(Document document) {
        List<Chunk> out = new ArrayList<>();
        List<Document.Heading> headings = document.headings().stream().sorted(Comparator.comparingInt(Document.Heading::offset)).toList();
        List<Document.Heading> open = new ArrayList<>();
        int start = 0;
        for (Document.Heading h : headings) {
            section(document, start, h.offset(), path(open), out);
            open.removeIf(o -> o.level() >= h.level());
            open.add(h);
            start = h.offset();
        }
        section(document, start, document.text().length(), path(open), out);
        return out;
    }

    private static List<String> path(List<Document.Heading> open) {
        return open.stream().map(Document.Heading::title).toList();
    }

    /** A run of text counted as a whole: a sentence, or a piece of one cut between words. */
    private record Unit(int start, int end, int tokens) {
    }

    private void section(Document document, int from, int to, List<String> headingPath, List<Chunk> out) {
        if (from >= to) {
            return;
        }
        List<Unit> current = new ArrayList<>();
        int tokens = 0;
        for (Unit u : units(document.text(), from, to)) {
            if (!current.isEmpty() && tokens + u.tokens > settings.maxTokens()) {
                add(document, current, headingPath, out);
                current = overlap(current, u);
                tokens = current.stream().mapToInt(Unit::tokens).sum();
            }
            current.add(u);
            tokens += u.tokens;
        }
        if (!current.isEmpty()) {
            add(document, current, headingPath, out);
        }
    }

    /** The last units of {@code previous} that fit in the overlap and leave room for {@code next}. */
    private List<Unit> overlap(List<Unit> previous, Unit next) {
        List<Unit> kept = new ArrayList<>();
        if (settings.overlapTokens() == 0) {
            return kept;
        }
        int tokens = 0;
        for (int i = previous.size() - 1; i >= 0 && tokens + previous.get(i).tokens <= settings.overlapTokens(); i--) {
            tokens += previous.get(i).tokens;
            kept.add(0, previous.get(i));
        }
        while (!kept.isEmpty() && tokens + next.tokens > settings.maxTokens()) {
            tokens -= kept.remove(0).tokens;
        }
        return kept;
    }

    private static void add(Document document, List<Unit> units, List<String> headingPath, List<Chunk> out) {
        int start = units.get(0).start;
        int end = units.get(units.size() - 1).end;
        out.add(new Chunk(document.id() + "#" + (out.size() + 1), document.id(), document.title(), document.source(), headingPath,
                start, end, document.text().substring(start, end)));
    }

    /** The sentences of {@code text[from, to)}, those over budget cut between words. */
    private List<Unit> units(String text, int from, int to) {
        List<Unit> units = new ArrayList<>();
        for (Sentence s : splitter.split(text.substring(from, to))) {
            int tokens = counter.count(s.text());
            if (tokens <= settings.maxTokens()) {
                units.add(new Unit(from + s.start(), from + s.end(), tokens));
            } else {
                byWords(text, from + s.start(), from + s.end(), units);
            }
        }
        return units;
    }

    private void byWords(String text, int from, int to, List<Unit> units) {
        int pieceStart = -1;
        int pieceEnd = -1;
        int pieceTokens = 0;
        int i = from;
        while (i < to) {
            while (i < to && isSpace(text.charAt(i))) {
                i++;
            }
            int wordStart = i;
            while (i < to && !isSpace(text.charAt(i))) {
                i++;
            }
            if (wordStart == i) {
                break;
            }
            int tokens = counter.count(text.substring(wordStart, i));
            if (pieceStart >= 0 && pieceTokens + tokens > settings.maxTokens()) {
                units.add(new Unit(pieceStart, pieceEnd, pieceTokens));
                pieceStart = -1;
            }
            if (pieceStart < 0) {
                pieceStart = wordStart;
                pieceTokens = 0;
            }
            pieceEnd = i;
            pieceTokens += tokens;
        }
        if (pieceStart >= 0) {
            units.add(new Unit(pieceStart, pieceEnd, pieceTokens));
        }
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}

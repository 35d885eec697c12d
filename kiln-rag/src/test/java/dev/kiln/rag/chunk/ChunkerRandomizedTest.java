package dev.kiln.rag.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.rag.ingest.Document;
import dev.kiln.rag.ingest.Document.Heading;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random documents and settings, Lucene style: a failure names its seed; {@code -Dtests.seed=N} replays it. */
class ChunkerRandomizedTest {
    private static final String[] PIECES = {"the", "Cat", "sat", "on", "mat", "e.g.", "Mr.", "Smith", "U.S.", "3.14", "...", ".", "!",
            "?", "\"Quoted.\"", "(aside)", "café", "naïve", "你好。", "再见！", "😀", "x-y-z", "supercalifragilistic", "[SEP]",
            "https://kiln.dev/a.b", "##", "#", "\n", "\n", "\n\n", "\t", "\u00a0", " ", "  ", "1.", "etc.", "Dr."};

    @Test
    void chunksIndexTheTextCoverItKeepTheBudgetAndNeverCrossAHeading() {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int round = 0; round < 250; round++) {
            TokenCounter counter = round % 10 == 0 ? TokenCounter.allMiniLmL6V2() : TokenCounter.words();
            int max = 1 + random.nextInt(random.nextBoolean() ? 8 : 60);
            Chunker.Settings settings = new Chunker.Settings(max, random.nextInt(max));
            Document doc = randomDocument(random);
            try {
                check(doc, new Chunker(settings, counter).chunk(doc), settings, counter);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + " (replay with -Dtests.seed=" + seed + "), round " + round + ", " + settings
                        + ", text " + doc.text().replace("\n", "\\n") + ", headings " + doc.headings() + ": " + e.getMessage(), e);
            }
        }
    }

    private static void check(Document doc, List<Chunk> chunks, Chunker.Settings settings, TokenCounter counter) {
        String text = doc.text();
        List<Heading> sorted = doc.headings().stream().sorted(Comparator.comparingInt(Heading::offset)).toList();
        boolean[] covered = new boolean[text.length()];
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            assertThat(c.id()).isEqualTo(doc.id() + "#" + (i + 1));
            assertThat(text.substring(c.start(), c.end())).isEqualTo(c.text());
            assertThat(c.text()).isNotEmpty();
            assertThat(isSpace(c.text().charAt(0)) || isSpace(c.text().charAt(c.text().length() - 1))).isFalse();
            boolean oneWord = c.text().chars().noneMatch(ch -> isSpace((char) ch));
            if (!oneWord) {
                assertThat(counter.count(c.text())).as("tokens of %s", c.text()).isLessThanOrEqualTo(settings.maxTokens());
            }
            for (Heading h : sorted) {
                assertThat(h.offset() > c.start() && h.offset() < c.end()).as("heading at %d inside chunk", h.offset()).isFalse();
            }
            assertThat(c.headingPath()).isEqualTo(expectedPath(sorted, c.start()));
            for (int k = c.start(); k < c.end(); k++) {
                covered[k] = true;
            }
            if (i > 0) {
                Chunk prev = chunks.get(i - 1);
                assertThat(c.start()).isGreaterThan(prev.start());
                assertThat(c.end()).isGreaterThan(prev.end());
                if (c.start() < prev.end()) {
                    assertThat(settings.overlapTokens()).isPositive();
                    assertThat(counter.count(text.substring(c.start(), prev.end()))).isLessThanOrEqualTo(settings.overlapTokens());
                }
            }
        }
        for (int k = 0; k < text.length(); k++) {
            if (!isSpace(text.charAt(k))) {
                assertThat(covered[k]).as("character %d '%s' in no chunk", k, text.charAt(k)).isTrue();
            }
        }
    }

    /** The last heading at or before {@code offset} and, before it, each nearer heading of a higher rank. */
    private static List<String> expectedPath(List<Heading> sorted, int offset) {
        List<String> path = new ArrayList<>();
        int level = Integer.MAX_VALUE;
        for (int i = sorted.size() - 1; i >= 0; i--) {
            Heading h = sorted.get(i);
            if (h.offset() <= offset && h.level() < level) {
                path.add(0, h.title());
                level = h.level();
            }
        }
        return path;
    }

    private static Document randomDocument(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(120);
        for (int i = 0; i < n; i++) {
            String piece = PIECES[random.nextInt(PIECES.length)];
            sb.append(piece);
            if (random.nextInt(3) > 0 && !piece.isBlank()) {
                sb.append(' ');
            }
        }
        String text = sb.toString();
        List<Heading> headings = new ArrayList<>();
        int h = random.nextInt(6);
        for (int i = 0; i < h; i++) {
            headings.add(new Heading(1 + random.nextInt(4), "h" + i, random.nextInt(text.length() + 1)));
        }
        return new Document("doc-" + random.nextInt(100), "T", "s", text, headings);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}

package dev.kiln.rag.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.io.DataFormatException;
import dev.kiln.rag.WordHashEmbedder;
import dev.kiln.rag.chunk.Chunker;
import dev.kiln.rag.ingest.Document;
import dev.kiln.search.UnitVectors;
import dev.kiln.text.encode.Embedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentenceVectorsTest {
    @TempDir
    Path tmp;

    private static final Chunker CHUNKER = Chunker.allMiniLmL6V2(new Chunker.Settings(64, 0));

    /** Counts the texts the encoder is run on. */
    private static final class CountingEmbedder implements Embedder {
        final AtomicInteger texts = new AtomicInteger();

        @Override
        public float[][] embed(List<String> t) {
            texts.addAndGet(t.size());
            return WordHashEmbedder.INSTANCE.embed(t);
        }

        @Override
        public int dimension() {
            return WordHashEmbedder.INSTANCE.dimension();
        }
    }

    private static Document doc(String id, String text) {
        return new Document(id, "", id + ".md", text, List.of());
    }

    private KnowledgeBase ingested(Document... docs) {
        KnowledgeBase kb = KnowledgeBase.create(tmp.resolve("kb"), "words", 64);
        kb.ingest(List.of(docs), CHUNKER, WordHashEmbedder.INSTANCE, KnowledgeBase.Phases.none());
        return kb;
    }

    @Test
    void storedSentencesCostNoEncoderRunAndMatchTheEncoder() {
        try (KnowledgeBase kb = ingested(doc("a", "Copy objects with the copy module. Use deepcopy for nested lists."),
                doc("b", "Bananas are yellow. Copy objects with the copy module."))) {
            assertThat(kb.sentenceVectors()).as("the repeated sentence is stored once").isEqualTo(3);
            CountingEmbedder encoder = new CountingEmbedder();
            Embedder stored = kb.sentenceEmbedder(encoder);
            List<String> sentences = List.of("Copy objects with the copy module.", "Bananas are yellow.", "Use deepcopy for nested lists.");
            float[][] got = stored.embed(sentences);
            assertThat(encoder.texts.get()).isZero();
            float[][] direct = WordHashEmbedder.INSTANCE.embed(sentences);
            for (int i = 0; i < got.length; i++) {
                // Half precision keeps each unit component within 2^-11 relative: the cosine stays within 1e-3 of 1.
                assertThat(UnitVectors.cosine(got[i], direct[i])).isGreaterThan(0.999);
            }
            stored.embed(List.of("How do I copy an object?"));
            stored.embed(List.of("How do I copy an object?"));
            assertThat(encoder.texts.get()).as("a new text is encoded once, then remembered").isEqualTo(1);
        }
    }

    @Test
    void changedAndRemovedDocumentsTakeTheirSentencesAlong() {
        try (KnowledgeBase kb = ingested(doc("a", "Copy objects with the copy module."), doc("b", "Bananas are yellow."))) {
            KnowledgeBase.IngestReport r = kb.ingest(List.of(doc("a", "Copy objects with the copy module."), doc("b", "Cherries are red.")),
                    CHUNKER, WordHashEmbedder.INSTANCE, KnowledgeBase.Phases.none());
            assertThat(r.sentences()).isEqualTo(1);
            assertThat(kb.sentenceVectors()).isEqualTo(2);
            kb.remove("b");
            assertThat(kb.sentenceVectors()).isEqualTo(1);
            assertThat(kb.retainOnly(List.of("nothing"))).containsExactly("a");
            assertThat(kb.sentenceVectors()).isZero();
            assertThat(kb.documents()).isZero();
            assertThat(kb.index().size()).isZero();
        }
    }

    @Test
    void theVectorsOutliveTheProcessAndAreRebuiltWhenLost() throws Exception {
        ingested(doc("a", "Copy objects with the copy module. Bananas are yellow.")).close();
        try (KnowledgeBase kb = KnowledgeBase.open(tmp.resolve("kb"), false)) {
            assertThat(kb.sentenceVectors()).isEqualTo(2);
        }
        Files.delete(tmp.resolve("kb").resolve(SentenceVectors.FILE));
        try (KnowledgeBase kb = KnowledgeBase.open(tmp.resolve("kb"), true)) {
            assertThat(kb.sentenceVectors()).isZero();
            CountingEmbedder encoder = new CountingEmbedder();
            assertThat(kb.sentenceEmbedder(encoder).embed(List.of("Bananas are yellow.")))
                    .as("without stored vectors the encoder answers").hasDimensions(1, 64);
            assertThat(encoder.texts.get()).isEqualTo(1);
            KnowledgeBase.IngestReport r = kb.ingest(List.of(doc("a", "Copy objects with the copy module. Bananas are yellow.")), CHUNKER,
                    WordHashEmbedder.INSTANCE, KnowledgeBase.Phases.none());
            assertThat(r.unchanged()).isEqualTo(1);
            assertThat(r.sentences()).as("an ingest embeds what is missing, even of unchanged documents").isEqualTo(2);
        }
    }

    @Test
    void codeAndMarkupAreNotStored() {
        try (KnowledgeBase kb = ingested(doc("a", "Install it with pip.\n\n    x = {'a': [1, 2]}; y = f(x) + g(x)\n\n.. note:: A directive."))) {
            assertThat(kb.sentenceVectors()).isEqualTo(1);
        }
    }

    @Test
    void aDamagedFileIsReportedByName() throws Exception {
        ingested(doc("a", "Copy objects with the copy module.")).close();
        Path file = tmp.resolve("kb").resolve(SentenceVectors.FILE);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(() -> KnowledgeBase.open(tmp.resolve("kb"), false)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(SentenceVectors.FILE).hasMessageContaining("bytes");
        Files.write(file, new byte[] {1, 2, 3, 4, 0, 0, 0, 64, 0, 0, 0, 0});
        assertThatThrownBy(() -> KnowledgeBase.open(tmp.resolve("kb"), false)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("magic");
    }

    @Test
    void halfPrecisionKeepsRandomUnitVectorsWithinItsBound() {
        Random random = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            float[] v = new float[384];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(4) - 2));
            }
            float[] unit = UnitVectors.unit(v, "v");
            float[] back = SentenceVectors.Half.toFloats(SentenceVectors.Half.ofUnit(v));
            for (int i = 0; i < v.length; i++) {
                // Normal halves round to 11 significant bits (relative error <= 2^-11); below 2^-14 they are subnormal,
                // with an absolute error of at most 2^-25.
                double bound = Math.max(Math.abs(unit[i]) * 0x1p-11, 0x1p-25);
                assertThat((double) Math.abs(back[i] - unit[i])).isLessThanOrEqualTo(bound);
            }
        }
    }

    @Test
    void keysAreWrittenInOrderAndFoundByBinarySearch() {
        Random random = new Random(7);
        List<Long> keys = new ArrayList<>();
        short[][] vectors = new short[500][];
        for (int i = 0; i < 500; i++) {
            keys.add(random.nextLong());
            float[] v = new float[8];
            v[i % 8] = 1;
            vectors[i] = SentenceVectors.Half.ofUnit(v);
        }
        SentenceVectors.write(tmp, 8, keys.stream().mapToLong(Long::longValue).toArray(), vectors);
        try (SentenceVectors read = SentenceVectors.open(tmp, 8)) {
            assertThat(read.size()).isEqualTo(500);
            for (int i = 0; i < 500; i++) {
                assertThat(read.vector(keys.get(i))[i % 8]).isEqualTo(1f);
            }
            assertThat(read.vector(12345L)).isNull();
        }
        assertThatThrownBy(() -> SentenceVectors.write(tmp, 8, new long[] {3, 3}, new short[][] {vectors[0], vectors[1]}))
                .hasMessageContaining("twice");
    }
}

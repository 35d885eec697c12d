package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.random.Rng;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kiln text vectors and kiln text neighbours end to end, on a corpus with planted structure: two
 * topics of ten words ("a0".."a9", "b0".."b9"), each line eight words of one topic, so trained
 * vectors must put a word's neighbours in its own topic.
 */
class TextCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path corpus(Path dir) throws Exception {
        Rng rng = Rng.seeded(21);
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 2000; line++) {
            String topic = rng.nextBoolean() ? "a" : "b";
            List<String> words = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                words.add(topic + rng.nextInt(10));
            }
            text.append(String.join(" ", words)).append('\n');
        }
        Path file = dir.resolve("topics.txt");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void word2vecVectorsPutNeighboursInTheSameTopic(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("v.txt");
        CliRun train = CliRun.of("text", "vectors", "--corpus", corpus(dir).toString(), "--arch", "skip-gram", "--dim", "16",
                "--window", "3", "--min-count", "1", "--sample", "0", "--threads", "1", "--out", out.toString(), "--json");
        assertThat(train.exitCode()).as(train.err()).isZero();
        JsonNode r = JSON.readTree(train.out());
        assertThat(r.path("algo").asText()).isEqualTo("word2vec skip-gram");
        assertThat(r.path("vocabulary_size").asInt()).isEqualTo(20);
        assertThat(r.path("tokens").asLong()).isEqualTo(16_000);
        // Without sub-sampling, 5 epochs train every token 5 times.
        assertThat(r.path("trained_words").asLong()).isEqualTo(80_000);
        assertThat(r.path("words_per_second").asDouble()).isPositive();
        assertThat(r.path("params").path("epochs").asInt()).isEqualTo(5);
        assertThat(Files.readAllLines(out).get(0)).isEqualTo("20 16");

        CliRun near = CliRun.of("text", "neighbours", "--vectors", out.toString(), "a3", "--top", "5", "--json");
        assertThat(near.exitCode()).as(near.err()).isZero();
        JsonNode n = JSON.readTree(near.out());
        assertThat(n.path("word").asText()).isEqualTo("a3");
        assertThat(n.path("neighbours")).hasSize(5);
        n.path("neighbours").forEach(x -> assertThat(x.path("word").asText()).startsWith("a").isNotEqualTo("a3"));
    }

    @Test
    void gloveWritesBinaryThatNeighboursReads(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("v.bin");
        CliRun train = CliRun.of("text", "vectors", "--corpus", corpus(dir).toString(), "--algo", "glove", "--dim", "16",
                "--window", "4", "--min-count", "1", "--epochs", "30", "--threads", "2", "--out", out.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("GloVe on ").contains("16,000 tokens").contains("vocabulary     20 words of 20")
                .contains("words/s").contains("written: " + out + " (binary)");

        CliRun near = CliRun.of("text", "neighbors", "--vectors", out.toString(), "b7", "--top", "3");
        assertThat(near.exitCode()).as(near.err()).isZero();
        List<String> lines = near.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("nearest to 'b7' in " + out);
        assertThat(lines.get(1)).startsWith("rank").contains("word").contains("similarity");
        assertThat(lines.subList(3, lines.size())).hasSize(3).allMatch(l -> l.matches("\\s*\\d\\s+b\\d\\s+0\\.\\d{4}"));
    }

    @Test
    void analogiesLeaveOutTheirInputs(@TempDir Path dir) throws Exception {
        Path vectors = dir.resolve("hand.txt");
        // man (1,0,0), woman (1,1,0), king (1,0,1), queen (1,1,1): king − man + woman points nearest to queen.
        Files.writeString(vectors, "5 3\nman 1 0 0\nwoman 1 1 0\nking 1 0 1\nqueen 1 1 1\napple 0 -1 -1\n");
        CliRun run = CliRun.of("text", "neighbours", "--vectors", vectors.toString(), "--analogy", "man", "king", "woman", "--top", "2",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("analogy").toString()).isEqualTo("[\"man\",\"king\",\"woman\"]");
        assertThat(r.path("neighbours").get(0).path("word").asText()).isEqualTo("queen");
        assertThat(r.path("neighbours").get(1).path("word").asText()).isEqualTo("apple");
    }

    @Test
    void badInputIsAOneLineErrorWithExitCode2(@TempDir Path dir) throws Exception {
        Path vectors = dir.resolve("hand.txt");
        Files.writeString(vectors, "3 2\nking 1 0\nqueen 1 1\nkingdom 0 1\n");
        CliRun unknown = CliRun.of("text", "neighbours", "--vectors", vectors.toString(), "kng");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("kiln: 'kng' is not in the vocabulary (3 words); close words: king");

        CliRun both = CliRun.of("text", "neighbours", "--vectors", vectors.toString(), "king", "--analogy", "a", "b", "c");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give either a WORD or --analogy A B C, not both");

        Files.writeString(vectors, "3 2\nking 1 0\nqueen 1\n");
        CliRun malformed = CliRun.of("text", "neighbours", "--vectors", vectors.toString(), "king");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err().strip()).isEqualTo("kiln: " + vectors + ":3: expected a word and 2 numbers, got 'queen' and 1");

        CliRun missing = CliRun.of("text", "vectors", "--corpus", dir.resolve("none.txt").toString(), "--out", dir.resolve("v.txt").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("kiln: " + dir.resolve("none.txt") + ": no such file");

        Path small = corpus(dir);
        CliRun algo = CliRun.of("text", "vectors", "--corpus", small.toString(), "--algo", "fasttext", "--out", dir.resolve("v.txt").toString());
        assertThat(algo.exitCode()).isEqualTo(2);
        assertThat(algo.err()).contains("--algo must be word2vec or glove, got 'fasttext'");

        CliRun rare = CliRun.of("text", "vectors", "--corpus", small.toString(), "--min-count", "100000", "--out", dir.resolve("v.txt").toString());
        assertThat(rare.exitCode()).isEqualTo(2);
        assertThat(rare.err()).contains("no word occurs at least min_count = 100000 times in the corpus (16000 tokens, 20 distinct words)");
        assertThat(dir.resolve("v.txt")).doesNotExist();
    }
}

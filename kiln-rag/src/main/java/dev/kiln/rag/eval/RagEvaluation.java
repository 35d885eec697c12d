package dev.kiln.rag.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.io.DataFormatException;
import dev.kiln.core.io.TextFile;
import dev.kiln.core.progress.Progress;
import dev.kiln.rag.answer.QuestionAnswerer;
import dev.kiln.rag.generate.Source;
import dev.kiln.search.eval.RetrievalMetrics;
import dev.kiln.search.index.Passage;
import dev.kiln.search.index.PassageIndex;
import dev.kiln.text.sentence.Sentence;
import dev.kiln.text.sentence.SentenceSplitter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scores a RAG pipeline on questions whose answering document is known: retrieval over document
 * ids (hit@k, recall@5, MRR, nDCG@10), answers against gold answers where given (exact match,
 * token F1), faithfulness to the sources, context precision, how often the answer quotes the gold
 * document's key sentence (its first sentence: FAQ-style answers lead with it), abstentions, and
 * ask latency.
 */
public final class RagEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One question: its text, the ids of the documents that answer it, and the gold answer if any. */
    public record Question(String text, Set<String> gold, String answer) {
    }

    /** The figures, over all questions; exact match and F1 only over those with a gold answer (NaN when none has). */
    public record Report(int questions, RetrievalMetrics retrieval, double recallAt5, double exactMatch, double tokenF1,
                         double faithfulness, double contextPrecision, double keySentence, double abstained,
                         double p50Seconds, double p95Seconds) {
    }

    private RagEvaluation() {
    }

    /** Reads JSON Lines with {@code question}, the gold document id(s) and optionally {@code answer}. */
    public static List<Question> read(Path file, String questionField, String goldField, String answerField) {
        String[] lines = TextFile.read(file).split("\n", -1);
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode r;
            try {
                r = JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw DataFormatException.atLine(file.toString(), i + 1, "expected a JSON object, got malformed JSON");
            }
            JsonNode q = r == null ? null : r.get(questionField);
            if (q == null || !q.isTextual() || q.asText().isBlank()) {
                throw DataFormatException.atLine(file.toString(), i + 1, "/" + questionField + ": expected the question text");
            }
            JsonNode g = r.get(goldField);
            Set<String> gold = new java.util.LinkedHashSet<>();
            if (g != null && g.isValueNode() && !g.isNull()) {
                gold.add(g.asText());
            } else if (g != null && g.isArray()) {
                g.forEach(x -> gold.add(x.asText()));
            }
            if (gold.isEmpty()) {
                throw DataFormatException.atLine(file.toString(), i + 1, "/" + goldField + ": expected the id of the answering document");
            }
            JsonNode a = r.get(answerField);
            out.add(new Question(q.asText(), gold, a != null && a.isTextual() ? a.asText() : null));
        }
        if (out.isEmpty()) {
            throw DataFormatException.of(file.toString(), "holds no questions");
        }
        return out;
    }

    /** Runs every question through {@code answerer}. */
    public static Report evaluate(QuestionAnswerer answerer, PassageIndex index, Faithfulness faithfulness, List<Question> questions) {
        List<List<String>> rankings = new ArrayList<>();
        List<Set<String>> gold = new ArrayList<>();
        double em = 0, f1 = 0, faithful = 0, precision = 0, key = 0, abstained = 0, recall5 = 0;
        int withAnswers = 0;
        double[] seconds = new double[questions.size()];
        try (Progress progress = Progress.start("evaluating", questions.size())) {
            for (int i = 0; i < questions.size(); i++) {
                Question q = questions.get(i);
                long t0 = System.nanoTime();
                QuestionAnswerer.Result r = answerer.ask(q.text());
                seconds[i] = (System.nanoTime() - t0) / 1e9;
                List<String> ranked = r.rankedDocuments().subList(0, Math.min(10, r.rankedDocuments().size()));
                rankings.add(ranked);
                gold.add(q.gold());
                long found = ranked.stream().limit(5).filter(q.gold()::contains).count();
                recall5 += found / (double) q.gold().size();
                String text = r.answer().text();
                if (q.answer() != null) {
                    withAnswers++;
                    em += AnswerMetrics.exactMatch(text, q.answer());
                    f1 += AnswerMetrics.tokenF1(text, q.answer());
                }
                faithful += r.answer().abstained() ? 1 : faithfulness.of(text, r.sources().stream().map(Source::text).toList());
                precision += AnswerMetrics.contextPrecision(r.sources().stream().map(Source::documentId).toList(), q.gold());
                abstained += r.answer().abstained() ? 1 : 0;
                if (keySentence(index, q.gold()).filter(s -> normalizeSpace(text).contains(normalizeSpace(s))).isPresent()) {
                    key++;
                }
                progress.step();
            }
        }
        int n = questions.size();
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        return new Report(n, RetrievalMetrics.of(rankings, gold), recall5 / n, withAnswers == 0 ? Double.NaN : em / withAnswers,
                withAnswers == 0 ? Double.NaN : f1 / withAnswers, faithful / n, precision / n, key / n, abstained / n,
                percentile(sorted, 0.5), percentile(sorted, 0.95));
    }

    /** The first sentence of the first chunk of a gold document. */
    static Optional<String> keySentence(PassageIndex index, Set<String> gold) {
        for (String id : gold) {
            Optional<Passage> first = index.get(id + "#1");
            if (first.isPresent()) {
                List<Sentence> sentences = SentenceSplitter.english().split(first.get().text());
                if (!sentences.isEmpty()) {
                    return Optional.of(sentences.get(0).text());
                }
            }
        }
        return Optional.empty();
    }

    private static String normalizeSpace(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}

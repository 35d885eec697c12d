package dev.kiln.cli.rag;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.rag.answer.QuestionAnswerer;
import dev.kiln.rag.eval.Faithfulness;
import dev.kiln.rag.eval.RagEvaluation;
import dev.kiln.rag.kb.KnowledgeBase;
import dev.kiln.text.encode.SentenceEncoder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln rag eval}: retrieval and answer quality on questions whose answering document is known. */
@Command(name = "eval", description = {"Evaluate a knowledge base on questions (JSON Lines: question, the gold document id, optionally",
    "answer): hit@k, recall@5, MRR, nDCG@10, exact match, token F1, faithfulness, context precision, key sentence, latency."})
public final class RagEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KnowledgeBaseOptions kb;

    @Mixin
    KnowledgeBaseOptions.Answering answering;

    @Option(names = "--qa", required = true, paramLabel = "FILE", description = "The questions (JSON Lines).")
    Path qa;

    @Option(names = "--question-field", paramLabel = "NAME", description = "Default: ${DEFAULT-VALUE}.")
    String questionField = "question";

    @Option(names = "--gold-field", paramLabel = "NAME", description = "The answering document's id (default: ${DEFAULT-VALUE}).")
    String goldField = "passage_id";

    @Option(names = "--answer-field", paramLabel = "NAME", description = "The gold answer, if any (default: ${DEFAULT-VALUE}).")
    String answerField = "answer";

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        List<RagEvaluation.Question> questions = RagEvaluation.read(qa, questionField, goldField, answerField);
        try (KnowledgeBase base = kb.open(false)) {
            SentenceEncoder encoder = KnowledgeBaseOptions.encoder(base);
            QuestionAnswerer answerer = answering.answerer(base, encoder);
            RagEvaluation.Report r = RagEvaluation.evaluate(answerer, base.index(), new Faithfulness(base.sentenceEmbedder(encoder)), questions);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hit_at_1", r.retrieval().hitAt1());
            m.put("hit_at_5", r.retrieval().hitAt5());
            m.put("hit_at_10", r.retrieval().hitAt10());
            m.put("recall_at_5", r.recallAt5());
            m.put("mrr", r.retrieval().mrr());
            m.put("ndcg_at_10", r.retrieval().ndcgAt10());
            m.put("exact_match", r.exactMatch());
            m.put("f1", r.tokenF1());
            m.put("faithfulness", r.faithfulness());
            m.put("context_precision", r.contextPrecision());
            m.put("key_sentence", r.keySentence());
            m.put("abstained", r.abstained());
            m.put("timings", Map.of("ask_p50_seconds", r.p50Seconds(), "ask_p95_seconds", r.p95Seconds()));
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("kb", kb.name);
                out.put("qa", qa.toString());
                out.put("questions", r.questions());
                out.put("generator", answerer.generator().name());
                out.put("metrics", m);
                JsonOutput.print(spec.commandLine().getOut(), out);
                return 0;
            }
            var out = spec.commandLine().getOut();
            out.printf("'%s', %d questions from %s, answers by %s%n", kb.name, r.questions(), qa, answerer.generator().name());
            Table t = Table.withHeader("metric", "value");
            m.forEach((key, v) -> {
                if (v instanceof Map<?, ?> timings) {
                    timings.forEach((tk, tv) -> t.row(tk, tv));
                } else {
                    t.row(key, v);
                }
            });
            out.print(t);
        }
        return 0;
    }
}

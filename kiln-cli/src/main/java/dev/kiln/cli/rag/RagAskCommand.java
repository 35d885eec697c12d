package dev.kiln.cli.rag;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.rag.answer.AnswerJson;
import dev.kiln.rag.answer.QuestionAnswerer;
import dev.kiln.rag.kb.KnowledgeBase;
import dev.kiln.search.index.MetadataFilter;
import dev.kiln.text.encode.SentenceEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln rag ask}: one question, answered with citations. */
@Command(name = "ask", description = "Answer a question from a knowledge base, citing its sources.")
public final class RagAskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KnowledgeBaseOptions kb;

    @Mixin
    KnowledgeBaseOptions.Answering answering;

    @Parameters(index = "0", paramLabel = "QUESTION", description = "The question.")
    String question;

    @Option(names = "--filter", paramLabel = "KEY=VALUE", description = "Only chunks whose metadata KEY is VALUE (e.g. document_id=faq.md).")
    List<String> filters = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object: answer, sources with scores and snippets, timings.")
    boolean json;

    @Override
    public Integer call() {
        MetadataFilter filter = MetadataFilter.parse(filters);
        try (KnowledgeBase base = kb.open(false)) {
            if (base.documents() == 0) {
                throw new IllegalArgumentException("the knowledge base '" + kb.name + "' is empty; add documents with: kiln rag ingest --kb "
                        + kb.name + " PATH");
            }
            SentenceEncoder encoder = KnowledgeBaseOptions.encoder(base);
            QuestionAnswerer answerer = answering.answerer(base, encoder);
            var out = spec.commandLine().getOut();
            QuestionAnswerer.Result r = answerer.ask(question, filter, json ? t -> { } : t -> {
                out.print(t);
                out.flush();
            });
            if (json) {
                JsonOutput.print(out, AnswerJson.of(r, null));
            } else {
                out.println();
                AnswerOutput.sources(out, r);
            }
        }
        return 0;
    }
}

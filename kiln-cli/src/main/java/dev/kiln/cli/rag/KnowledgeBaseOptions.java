package dev.kiln.cli.rag;

import dev.kiln.cli.KilnHome;
import dev.kiln.rag.answer.QuestionAnswerer;
import dev.kiln.rag.generate.Generator;
import dev.kiln.rag.kb.KnowledgeBase;
import dev.kiln.search.index.IndexCatalog;
import dev.kiln.search.retrieve.SearchMode;
import dev.kiln.text.encode.Embedder;
import dev.kiln.text.encode.EncoderModel;
import dev.kiln.text.encode.SentenceEncoder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every {@code kiln rag} command shares: which knowledge base, where, and how to answer. */
final class KnowledgeBaseOptions {

    @Option(names = "--kb", required = true, paramLabel = "NAME", description = "The knowledge base.")
    String name;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Kiln's data directory; knowledge bases live in DIR/kb (default: $KILN_HOME, else ~/.kiln).")
    Path home;

    IndexCatalog catalog() {
        return new IndexCatalog(KilnHome.resolve(home).resolve("kb"), "knowledge base", "kiln rag ingest --kb %s PATH");
    }

    KnowledgeBase open(boolean writable) {
        return KnowledgeBase.open(catalog().existing(name), writable);
    }

    static SentenceEncoder encoder(KnowledgeBase kb) {
        return SentenceEncoder.of(EncoderModel.named(kb.index().settings().encoder()), SentenceEncoder.Settings.defaults());
    }

    /** The answer options of ask, chat and eval. */
    static final class Answering {
        @Option(names = "-k", paramLabel = "K", description = "Sources per answer (default: ${DEFAULT-VALUE}).")
        int k = 5;

        @Option(names = "--mode", paramLabel = "hybrid|dense|bm25", description = "How chunks are ranked (default: ${DEFAULT-VALUE}).")
        String mode = "hybrid";

        @Option(names = "--generator", paramLabel = "auto|extractive|llm",
                description = "Who writes the answer: extractive (offline), llm (the chat server in KILN_LLM_BASE_URL, KILN_LLM_MODEL,"
                        + " KILN_LLM_API_KEY), or auto (llm when configured, falling back to extractive; the default).")
        String generator = "auto";

        /** The answerer of {@code kb}; its encoder runs once an answer, for the question (sentences have stored vectors). */
        QuestionAnswerer answerer(KnowledgeBase kb, SentenceEncoder encoder) {
            Embedder embedder = kb.sentenceEmbedder(encoder);
            return new QuestionAnswerer(kb, embedder, generator(embedder),
                    QuestionAnswerer.Settings.defaults().withK(k).withMode(SearchMode.parse(mode)));
        }

        Generator generator(Embedder embedder) {
            return Generator.choose(generator, embedder, System.getenv());
        }
    }
}

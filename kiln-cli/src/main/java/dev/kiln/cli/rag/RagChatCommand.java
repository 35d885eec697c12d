package dev.kiln.cli.rag;

import dev.kiln.rag.answer.ChatSession;
import dev.kiln.rag.kb.KnowledgeBase;
import dev.kiln.text.encode.SentenceEncoder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kiln rag chat}: questions read line by line from standard input, follow-ups understood in context. */
@Command(name = "chat", description = {"Chat with a knowledge base: type questions, one per line; follow-ups carry the",
    "previous question's subject. An empty line or end of input (Ctrl-D) ends the chat."})
public final class RagChatCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KnowledgeBaseOptions kb;

    @Mixin
    KnowledgeBaseOptions.Answering answering;

    @Override
    public Integer call() throws IOException {
        try (KnowledgeBase base = kb.open(false)) {
            SentenceEncoder encoder = KnowledgeBaseOptions.encoder(base);
            ChatSession session = new ChatSession(answering.answerer(base, encoder), 20);
            var out = spec.commandLine().getOut();
            out.printf("Chatting with '%s' (%d documents). Ask away; an empty line ends.%n", kb.name, base.documents());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (true) {
                out.print("> ");
                out.flush();
                String line = in.readLine();
                if (line == null || line.isBlank()) {
                    break;
                }
                try {
                    ChatSession.Turn turn = session.ask(line, t -> {
                        out.print(t);
                        out.flush();
                    });
                    out.println();
                    AnswerOutput.sources(out, turn.result());
                } catch (IllegalArgumentException e) {
                    out.println("kiln: " + e.getMessage());
                }
            }
        }
        return 0;
    }
}

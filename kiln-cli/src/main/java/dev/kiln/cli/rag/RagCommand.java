package dev.kiln.cli.rag;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kiln rag}: knowledge bases that answer questions with cited sources. */
@Command(name = "rag", description = {"Question answering over your documents: ingest files into a knowledge base, then ask,",
    "chat or evaluate. Answers quote the sources offline (extractive), or come from an OpenAI-compatible chat server",
    "when KILN_LLM_BASE_URL and KILN_LLM_MODEL are set. Knowledge bases live in HOME/kb (--home, $KILN_HOME, ~/.kiln)."},
        subcommands = {RagIngestCommand.class, RagAskCommand.class, RagChatCommand.class, RagEvalCommand.class})
public final class RagCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

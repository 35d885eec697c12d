package dev.kiln.cli.index;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kiln index}: named passage indexes for semantic (HNSW), keyword (BM25) and hybrid search. */
@Command(name = "index", description = {"Build named passage indexes and search them: dense (all-MiniLM-L6-v2 + HNSW),",
    "keyword (BM25) or hybrid (reciprocal rank fusion). Indexes live in HOME/indexes (--home, else $KILN_HOME, else ~/.kiln)."},
        subcommands = {IndexBuildCommand.class, IndexAddCommand.class, IndexRemoveCommand.class, IndexSearchCommand.class,
            IndexListCommand.class, IndexEvalCommand.class})
public final class IndexCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package dev.kiln.cli.text;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kiln text}: commands that work on text — word vectors now; each job is one subcommand. */
@Command(name = "text", description = "Work with text: train word vectors and query them.",
        subcommands = {VectorsCommand.class, NeighboursCommand.class})
public final class TextCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package dev.kiln.cli.text;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kiln text}: commands that work on text, one subcommand per job. */
@Command(name = "text", description = "Work with text: train and use text classifiers, train word vectors and query them.",
        subcommands = {TextTrainCommand.class, TextPredictCommand.class, VectorsCommand.class, NeighboursCommand.class})
public final class TextCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

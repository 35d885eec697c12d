package dev.kiln.cli.rl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kiln rl}: train and evaluate reinforcement-learning agents on Kiln's environments. */
@Command(name = "rl", description = {"Reinforcement learning: train agents (value/policy iteration, Q-learning, SARSA, DQN)",
    "on FrozenLake, CliffWalking, GridWorld and CartPole, and evaluate saved agents."},
        subcommands = {RlTrainCommand.class, RlEvalCommand.class})
public final class RlCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

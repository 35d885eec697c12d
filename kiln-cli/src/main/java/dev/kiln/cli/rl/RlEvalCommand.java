package dev.kiln.cli.rl;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.core.modelfile.LoadedModel;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.random.Rng;
import dev.kiln.rl.Evaluation;
import dev.kiln.rl.agent.TrainedAgent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln rl eval}: runs a saved agent's greedy policy on the environment it was trained on. */
@Command(name = "eval", description = "Run a saved agent's greedy policy for a number of episodes and report its returns.")
public final class RlEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--agent", required = true, paramLabel = "DIR", description = "The saved agent (written by 'kiln rl train').")
    Path agent;

    @Option(names = "--episodes", paramLabel = "N", description = "Evaluation episodes (default: ${DEFAULT-VALUE}).")
    int episodes = 100;

    @Option(names = "--seed", description = "Seed of the environment's randomness (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        if (episodes < 1) {
            throw new IllegalArgumentException("--episodes must be >= 1, got " + episodes);
        }
        LoadedModel loaded = ModelFile.load(agent);
        TrainedAgent trained = loaded.as(TrainedAgent.class);
        long t0 = System.nanoTime();
        Evaluation e = trained.evaluate(episodes, Rng.seeded(seed));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("env", trained.environment().id());
        out.put("environment", trained.environment().description());
        out.put("agent", trained.algorithm());
        out.put("agent_path", agent.toString());
        out.put("seed", seed);
        out.putAll(EvaluationReport.metrics(trained.environment(), e));
        out.put("timings", Map.of("evaluate_seconds", seconds));
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(w, out);
            return 0;
        }
        w.printf("%s agent on %s, %d episodes (seed %d)%n", trained.algorithm(), trained.environment().description(), episodes, seed);
        EvaluationReport.print(w, EvaluationReport.metrics(trained.environment(), e));
        return 0;
    }
}

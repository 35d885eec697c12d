package dev.kiln.cli.rl;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.modelfile.ModelInfo;
import dev.kiln.core.modelfile.Provenance;
import dev.kiln.core.plot.LineChart;
import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import dev.kiln.rl.Evaluation;
import dev.kiln.rl.TrainingCurve;
import dev.kiln.rl.agent.TabularAgent;
import dev.kiln.rl.agent.TrainedAgent;
import dev.kiln.rl.dqn.Dqn;
import dev.kiln.rl.dqn.TargetUpdate;
import dev.kiln.rl.env.EnvironmentSpec;
import dev.kiln.rl.env.TabularEnvironment;
import dev.kiln.rl.mdp.MdpSolution;
import dev.kiln.rl.mdp.PolicyIteration;
import dev.kiln.rl.mdp.ValueIteration;
import dev.kiln.rl.tabular.EpsilonSchedule;
import dev.kiln.rl.tabular.QTable;
import dev.kiln.rl.tabular.TdControl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiln rl train}: trains an agent on an environment, evaluates its greedy policy, saves it
 * as a model file and optionally plots the learning curve.
 */
@Command(name = "train", description = {"Train an agent, evaluate its greedy policy and save it.",
    "Agents: value-iteration and policy-iteration (solve the known model), q-learning and sarsa (tabular environments),",
    "dqn (cartpole)."})
public final class RlTrainCommand implements Callable<Integer> {
    static final List<String> AGENTS = List.of("value-iteration", "policy-iteration", "q-learning", "sarsa", "dqn");

    @Spec
    CommandSpec spec;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "frozenlake, cliffwalking, gridworld or cartpole.")
    String env;

    @Option(names = "--agent", required = true, paramLabel = "AGENT",
            description = "value-iteration, policy-iteration, q-learning, sarsa or dqn.")
    String agent;

    @Option(names = "--episodes", paramLabel = "N", description = {"Training episodes (default: frozenlake 20000, cliffwalking and",
        "gridworld 1000; dqn at most 1000, stopping once solved)."})
    Integer episodes;

    @Option(names = "--seed", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to save the agent (default: models/rl-ENV-AGENT).")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE", description = "Write the learning curve (return per episode, moving average) as .png or .svg.")
    Path plot;

    @Option(names = "--map", paramLabel = "4x4|8x8", description = "FrozenLake's map (default: 4x4).")
    String map;

    @Option(names = "--slippery", negatable = true, description = "Whether FrozenLake's ice is slippery (default: slippery).")
    Boolean slippery;

    @Option(names = "--gamma", paramLabel = "G", description = "Discount (default: 0.99; 1 on cliffwalking and gridworld for TD learning).")
    Double gamma;

    @Option(names = {"--learning-rate", "--alpha"}, paramLabel = "RATE",
            description = "TD step size α (default 0.1 on frozenlake, 0.2 elsewhere) or Adam's rate for dqn (default 0.001).")
    Double learningRate;

    @Option(names = "--epsilon", paramLabel = "SCHEDULE", description = {"Exploration: constant:EPS, linear:START,END,DURATION or",
        "exponential:START,END,DECAY; in episodes (TD) or steps (dqn). Default: frozenlake linear:1,0.05,EPISODES/2,",
        "cliffwalking and gridworld constant:0.1, dqn linear:1,0.05,10000."})
    String epsilon;

    @Option(names = "--hidden", paramLabel = "W,W", split = ",", description = "DQN hidden layer widths (default: 64,64).")
    int[] hidden;

    @Option(names = "--target-update", paramLabel = "hard:N|soft:TAU",
            description = "DQN target network: hard copy every N gradient steps or Polyak averaging (default: hard:500).")
    String targetUpdate;

    @Option(names = "--double-dqn", negatable = true, description = "Double DQN targets (default: on).")
    Boolean doubleDqn;

    @Option(names = "--eval-episodes", paramLabel = "N", description = "Episodes of the evaluation after training (default: ${DEFAULT-VALUE}).")
    int evalEpisodes = 100;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    /** What training produced. */
    private record Trained(TrainedAgent agent, TrainingCurve curve, Map<String, Object> params, Map<String, Object> extra) {
    }

    @Override
    public Integer call() {
        EnvironmentSpec environment = EnvironmentSpec.parse(env, map, slippery);
        String algorithm = agent.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (!AGENTS.contains(algorithm)) {
            throw new IllegalArgumentException("unknown agent '" + agent + "'; use one of " + String.join(", ", AGENTS));
        }
        if (episodes != null && episodes < 1) {
            throw new IllegalArgumentException("--episodes must be >= 1, got " + episodes);
        }
        if (evalEpisodes < 1) {
            throw new IllegalArgumentException("--eval-episodes must be >= 1, got " + evalEpisodes);
        }
        if (plot != null) {
            String name = plot.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".png") && !name.endsWith(".svg")) {
                throw new IllegalArgumentException("--plot " + plot + ": expected a .png or .svg file");
            }
        }
        Trained trained = switch (algorithm) {
            case "value-iteration", "policy-iteration" -> solve(environment, algorithm);
            case "q-learning", "sarsa" -> temporalDifference(environment, algorithm);
            default -> dqn(environment);
        };
        long t0 = System.nanoTime();
        Evaluation evaluation = trained.agent().evaluate(evalEpisodes, Rng.seeded(seed).stream(99));
        double evaluateSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> metrics = EvaluationReport.metrics(environment, evaluation);

        Path saveTo = out != null ? out : Path.of("models", "rl-" + environment.id() + "-" + algorithm);
        Map<String, Double> trainingMetrics = new LinkedHashMap<>();
        trainingMetrics.put("mean_return", evaluation.meanReturn());
        if (metrics.containsKey("success_rate")) {
            trainingMetrics.put("success_rate", (Double) metrics.get("success_rate"));
        }
        Map<String, String> provenanceExtra = trained.params().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()), (a, b) -> a, LinkedHashMap::new));
        ModelFile.save(trained.agent(), saveTo, new ModelInfo("reinforcement-learning", null, trainingMetrics,
                new Provenance(null, null, environment.description(), seed, provenanceExtra)));
        if (plot != null) {
            writeCurve(trained, environment, algorithm);
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("env", environment.id());
        result.put("environment", environment.description());
        result.put("agent", algorithm);
        result.put("seed", seed);
        result.put("params", trained.params());
        if (trained.curve() != null) {
            result.put("episodes", trained.curve().episodes());
            result.put("steps", trained.curve().steps());
        }
        result.putAll(trained.extra());
        result.putAll(metrics);
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("train_seconds", trained.curve() != null ? trained.curve().seconds() : trained.extra().get("solve_seconds"));
        timings.put("evaluate_seconds", evaluateSeconds);
        result.put("timings", timings);
        result.put("model_path", saveTo.toString());
        if (plot != null) {
            result.put("plot", plot.toString());
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(w, result);
            return 0;
        }
        w.printf("%s on %s (seed %d)%s%n", algorithm, environment.description(), seed, trained.curve() == null ? ""
                : String.format(Locale.ROOT, ": %d episodes, %d steps in %.2f s", trained.curve().episodes(), trained.curve().steps(),
                        trained.curve().seconds()));
        w.print(Table.keyValues(trained.params()));
        EvaluationReport.print(w, metrics);
        w.println("saved to " + saveTo + (plot != null ? "; learning curve: " + plot : ""));
        return 0;
    }

    private Trained solve(EnvironmentSpec environment, String algorithm) {
        if (episodes != null || epsilon != null || learningRate != null) {
            throw new IllegalArgumentException("--episodes, --epsilon and --learning-rate apply to q-learning, sarsa and dqn; "
                    + algorithm + " solves the known model directly");
        }
        if (plot != null) {
            throw new IllegalArgumentException("--plot: " + algorithm + " has no training episodes to plot");
        }
        TabularEnvironment e = environment.tabular();
        double g = gamma != null ? gamma : 0.99;
        long t0 = System.nanoTime();
        MdpSolution solution = algorithm.equals("value-iteration")
                ? new ValueIteration(ValueIteration.Params.of(g)).solve(e.model())
                : new PolicyIteration(PolicyIteration.Params.of(g)).solve(e.model());
        double seconds = (System.nanoTime() - t0) / 1e9;
        TabularAgent a = new TabularAgent(environment, algorithm, new QTable(e.stateCount(), e.actionCount(), solution.actionValues()));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("gamma", g);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("iterations", solution.iterations());
        extra.put("start_value", startValue(e, solution));
        extra.put("solve_seconds", seconds);
        return new Trained(a, null, params, extra);
    }

    /** The expected discounted return from the start distribution: Σ_s p₀(s)·V(s). */
    private static double startValue(TabularEnvironment e, MdpSolution solution) {
        double v = 0;
        for (int s = 0; s < e.stateCount(); s++) {
            v += e.model().startProbability(s) * solution.value(s);
        }
        return v;
    }

    private Trained temporalDifference(EnvironmentSpec environment, String algorithm) {
        if (hidden != null || targetUpdate != null || doubleDqn != null) {
            throw new IllegalArgumentException("--hidden, --target-update and --double-dqn apply to dqn only");
        }
        TabularEnvironment e = environment.tabular();
        boolean lake = environment.id().equals("frozenlake");
        int n = episodes != null ? episodes : lake ? 20_000 : 1000;
        double alpha = learningRate != null ? learningRate : lake ? 0.1 : 0.2;
        double g = gamma != null ? gamma : lake ? 0.99 : 1.0;
        EpsilonSchedule eps = epsilon != null ? EpsilonSchedule.parse(epsilon)
                : lake ? new EpsilonSchedule.Linear(1, 0.05, Math.max(1, n / 2)) : new EpsilonSchedule.Constant(0.1);
        TdControl.Method method = algorithm.equals("sarsa") ? TdControl.Method.SARSA : TdControl.Method.Q_LEARNING;
        TdControl.Params p = new TdControl.Params(method, n, alpha, g, eps, seed);
        TdControl.Result r;
        try (Progress progress = Progress.start(algorithm + " on " + environment.description(), n)) {
            r = new TdControl(p).train(e, progress);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("learning_rate", alpha);
        params.put("gamma", g);
        params.put("epsilon", eps.toString());
        return new Trained(new TabularAgent(environment, algorithm, r.q()), r.curve(), params, Map.of());
    }

    private Trained dqn(EnvironmentSpec environment) {
        if (!environment.id().equals("cartpole")) {
            throw new IllegalArgumentException("dqn trains on cartpole; for " + environment.id()
                    + " use value-iteration, policy-iteration, q-learning or sarsa");
        }
        Dqn.Params d = Dqn.Params.cartPole(episodes != null ? episodes : 1000, seed);
        Dqn.Params p = new Dqn.Params(hidden != null ? hidden : d.hidden(), d.episodes(),
                learningRate != null ? learningRate : d.learningRate(), gamma != null ? gamma : d.gamma(), d.batchSize(),
                d.bufferCapacity(), d.learningStarts(), d.trainFrequency(),
                targetUpdate != null ? TargetUpdate.parse(targetUpdate) : d.targetUpdate(),
                epsilon != null ? EpsilonSchedule.parse(epsilon) : d.epsilon(), doubleDqn != null ? doubleDqn : d.doubleDqn(),
                d.huberDelta(), d.maxGradNorm(), d.evaluationInterval(), d.evaluationEpisodes(), d.stopReturn(), seed);
        Dqn.Result r;
        try (Progress progress = Progress.start("dqn on " + environment.description(), p.episodes())) {
            r = new Dqn(p).train(environment, progress);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("hidden", Arrays.stream(p.hidden()).boxed().toList());
        params.put("learning_rate", p.learningRate());
        params.put("gamma", p.gamma());
        params.put("batch_size", p.batchSize());
        params.put("buffer_capacity", p.bufferCapacity());
        params.put("target_update", p.targetUpdate().toString());
        params.put("epsilon", p.epsilon().toString());
        params.put("double_dqn", p.doubleDqn());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("best_greedy_return", r.bestEvaluationReturn());
        extra.put("best_episode", r.bestEpisode());
        return new Trained(r.agent(), r.curve(), params, extra);
    }

    private void writeCurve(Trained trained, EnvironmentSpec environment, String algorithm) {
        TrainingCurve curve = trained.curve();
        int n = curve.episodes();
        int window = Math.max(1, Math.min(500, n / 20));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        LineChart chart = new LineChart(algorithm + " on " + environment.description(), "episode", "return")
                .series("return", x, curve.returns())
                .series("moving average (" + window + ")", x, curve.movingAverage(window));
        chart.write(plot);
    }
}

package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln rl train} and {@code kiln rl eval}. */
class RlCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void valueIterationOnFrozenLakeReportsTheSuccessRateAndEvalReadsTheAgentBack(@TempDir Path dir) throws Exception {
        Path agent = dir.resolve("vi");
        CliRun train = CliRun.of("rl", "train", "--env", "frozenlake", "--agent", "value-iteration", "--eval-episodes", "2000",
                "--out", agent.toString(), "--json");
        assertThat(train.exitCode()).as(train.err()).isZero();
        JsonNode r = JSON.readTree(train.out());
        assertThat(r.path("environment").asText()).isEqualTo("FrozenLake 4x4 (slippery)");
        // The optimal policy reaches the goal within 100 steps with probability 0.7402 (ValueIterationTest); 2,000
        // episodes have a standard error of 0.0098.
        assertThat(r.path("success_rate").asDouble()).isBetween(0.70, 0.78);
        assertThat(r.path("mean_return").asDouble()).isEqualTo(r.path("success_rate").asDouble());
        assertThat(r.path("timings").has("train_seconds")).isTrue();
        assertThat(r.path("start_value").asDouble()).isBetween(0.542, 0.5421);

        CliRun eval = CliRun.of("rl", "eval", "--agent", agent.toString(), "--episodes", "1000", "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode e = JSON.readTree(eval.out());
        assertThat(e.path("agent").asText()).isEqualTo("value-iteration");
        assertThat(e.path("eval_episodes").asInt()).isEqualTo(1000);
        assertThat(e.path("success_rate").asDouble()).isBetween(0.69, 0.79);
        CliRun table = CliRun.of("rl", "eval", "--agent", agent.toString(), "--episodes", "10");
        assertThat(table.out()).contains("value-iteration agent on FrozenLake 4x4 (slippery), 10 episodes").contains("success_rate");
    }

    @Test
    void qLearningAndSarsaOnTheCliffWithALearningCurve(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("q.png");
        CliRun q = CliRun.of("rl", "train", "--env", "cliffwalking", "--agent", "q-learning", "--episodes", "1000", "--seed", "3",
                "--eval-episodes", "1", "--out", dir.resolve("q").toString(), "--plot", png.toString(), "--json");
        assertThat(q.exitCode()).as(q.err()).isZero();
        JsonNode r = JSON.readTree(q.out());
        assertThat(r.path("mean_return").asDouble()).isEqualTo(-13.0);
        assertThat(r.has("success_rate")).isFalse();
        assertThat(r.path("episodes").asInt()).isEqualTo(1000);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        Path svg = dir.resolve("sarsa.svg");
        CliRun sarsa = CliRun.of("rl", "train", "--env", "cliffwalking", "--agent", "sarsa", "--seed", "3", "--eval-episodes", "1",
                "--out", dir.resolve("s").toString(), "--plot", svg.toString());
        assertThat(sarsa.exitCode()).as(sarsa.err()).isZero();
        assertThat(sarsa.out()).contains("sarsa on CliffWalking 4x12 (seed 3): 1000 episodes").contains("saved to");
        assertThat(Files.readString(svg)).startsWith("<svg").contains("moving average");
        assertThat(JSON.readTree(CliRun.of("rl", "eval", "--agent", dir.resolve("s").toString(), "--episodes", "1", "--json").out())
                .path("mean_return").asDouble()).isBetween(-17.0, -15.0);
    }

    @Test
    void aShortDqnRunTrainsSavesAndEvaluates(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("rl", "train", "--env", "cartpole", "--agent", "dqn", "--episodes", "30", "--hidden", "16",
                "--eval-episodes", "3", "--out", dir.resolve("d").toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("episodes").asInt()).isBetween(1, 30);
        assertThat(r.path("params").path("hidden").toString()).isEqualTo("[16]");
        assertThat(r.path("mean_return").asDouble()).isBetween(8.0, 500.0);
        CliRun eval = CliRun.of("rl", "eval", "--agent", dir.resolve("d").toString(), "--episodes", "3", "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(JSON.readTree(eval.out()).path("agent").asText()).isEqualTo("dqn");
    }

    @Test
    void badInputIsAOneLineErrorWithExitCodeTwo(@TempDir Path dir) throws Exception {
        CliRun env = CliRun.of("rl", "train", "--env", "mountaincar", "--agent", "q-learning");
        assertThat(env.exitCode()).isEqualTo(2);
        assertThat(env.err()).contains("unknown environment 'mountaincar'; use one of frozenlake, cliffwalking, cartpole, gridworld");
        CliRun zero = CliRun.of("rl", "train", "--env", "frozenlake", "--agent", "q-learning", "--episodes", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--episodes must be >= 1, got 0");
        CliRun agent = CliRun.of("rl", "train", "--env", "cliffwalking", "--agent", "ppo");
        assertThat(agent.err()).contains("unknown agent 'ppo'");
        CliRun tabularDqn = CliRun.of("rl", "train", "--env", "cliffwalking", "--agent", "dqn");
        assertThat(tabularDqn.err()).contains("dqn trains on cartpole");
        CliRun continuous = CliRun.of("rl", "train", "--env", "cartpole", "--agent", "sarsa");
        assertThat(continuous.exitCode()).isEqualTo(2);
        assertThat(continuous.err()).contains("cartpole has continuous observations");
        CliRun map = CliRun.of("rl", "train", "--env", "frozenlake", "--map", "6x6", "--agent", "value-iteration");
        assertThat(map.err()).contains("unknown FrozenLake map '6x6'; use 4x4 or 8x8");
        CliRun eps = CliRun.of("rl", "train", "--env", "frozenlake", "--agent", "sarsa", "--epsilon", "linear:1,0.1");
        assertThat(eps.err()).contains("needs 3 comma-separated numbers");

        CliRun missing = CliRun.of("rl", "eval", "--agent", dir.resolve("nothing").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nothing: no such model file or directory");
        Path corrupt = dir.resolve("corrupt");
        Files.createDirectories(corrupt);
        Files.writeString(corrupt.resolve("manifest.json"), "{\"format\": \"kiln-model\", ");
        Files.writeString(corrupt.resolve("weights.safetensors"), "x");
        CliRun bad = CliRun.of("rl", "eval", "--agent", corrupt.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("manifest.json: not valid JSON");
        assertThat(bad.err().lines().count()).isEqualTo(1);
    }
}

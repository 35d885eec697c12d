package dev.kiln.rl.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.modelfile.ModelFileException;
import dev.kiln.core.random.Rng;
import dev.kiln.rl.dqn.Dqn;
import dev.kiln.rl.env.EnvironmentSpec;
import dev.kiln.rl.env.GridWorld;
import dev.kiln.rl.mdp.MdpSolution;
import dev.kiln.rl.mdp.ValueIteration;
import dev.kiln.rl.tabular.QTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentFilesTest {

    static TabularAgent gridWorldAgent() {
        MdpSolution sol = new ValueIteration(ValueIteration.Params.of(1.0)).solve(GridWorld.suttonBarto().model());
        return new TabularAgent(EnvironmentSpec.gridWorld(), "value-iteration", new QTable(16, 4, sol.actionValues()));
    }

    @Test
    void aTabularAgentRoundTrips(@TempDir Path dir) {
        TabularAgent agent = new TabularAgent(EnvironmentSpec.frozenLake("8x8", false), "sarsa",
                new QTable(64, 4, Rng.seeded(3).doubles(256).toArray()));
        ModelFile.save(agent, dir.resolve("agent"));
        TabularAgent back = ModelFile.load(dir.resolve("agent"), TabularAgent.class);
        assertThat(back).isEqualTo(agent);
        assertThat(ModelFile.readManifest(dir.resolve("agent")).modelType()).isEqualTo("rl-tabular-agent");
    }

    @Test
    void aDqnAgentRoundTripsAndActsTheSame(@TempDir Path dir) {
        Dqn.Params d = Dqn.Params.cartPole(3, 2);
        Dqn.Params p = new Dqn.Params(new int[] {8}, 3, d.learningRate(), d.gamma(), d.batchSize(), d.bufferCapacity(), 64,
                d.trainFrequency(), d.targetUpdate(), d.epsilon(), true, d.huberDelta(), d.maxGradNorm(), d.evaluationInterval(),
                d.evaluationEpisodes(), d.stopReturn(), 2);
        DqnAgent agent = new Dqn(p).train(EnvironmentSpec.cartPole()).agent();
        ModelFile.save(agent, dir.resolve("dqn.zip"));
        DqnAgent back = ModelFile.load(dir.resolve("dqn.zip"), DqnAgent.class);
        assertThat(back).isEqualTo(agent);
        assertThat(back.widths()).containsExactly(4, 8, 2);
        float[] o = {0.01f, -0.2f, 0.03f, 0.3f};
        assertThat(back.actionValues(o)).containsExactly(agent.actionValues(o));
    }

    /**
     * src/test/resources/golden/gridworld-value-iteration-v1 was written by Kiln 0.1.0 (ModelFile.save of
     * {@link #gridWorldAgent()}); later versions must keep loading it. Undiscounted, Q*(s, a) = −1 − d(s'), with d the
     * steps from s' to the nearest terminal corner (0 when s' is terminal).
     */
    @Test
    void theGoldenQTableStillLoads() throws Exception {
        Path golden = Path.of(getClass().getResource("/golden/gridworld-value-iteration-v1").toURI());
        TabularAgent agent = ModelFile.load(golden, TabularAgent.class);
        assertThat(agent.environment()).isEqualTo(EnvironmentSpec.gridWorld());
        assertThat(agent.algorithm()).isEqualTo("value-iteration");
        QTable q = agent.q();
        assertThat(q.value(1, 3)).isEqualTo(-1.0);
        assertThat(q.value(1, 1)).isEqualTo(-3.0);
        assertThat(q.value(6, 0)).isEqualTo(-3.0);
        assertThat(q.value(4, 0)).isEqualTo(-1.0);
        assertThat(q.value(0, 0)).isEqualTo(0.0);
        assertThat(q.greedyPolicy()).containsExactly(0, 3, 3, 2, 0, 0, 0, 2, 0, 0, 1, 2, 0, 1, 1, 0);
        assertThat(agent).isEqualTo(gridWorldAgent());
    }

    @Test
    void damagedOrMismatchedFilesGetClearErrors(@TempDir Path dir) throws Exception {
        Path golden = Path.of(getClass().getResource("/golden/gridworld-value-iteration-v1").toURI());
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        Files.copy(golden.resolve("weights.safetensors"), copy.resolve("weights.safetensors"));
        String manifest = Files.readString(golden.resolve("manifest.json")).replace("\"gridworld\"", "\"cartpole\"");
        Files.writeString(copy.resolve("manifest.json"), manifest);
        assertThatThrownBy(() -> ModelFile.load(copy)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("cartpole has continuous observations");
        Files.writeString(copy.resolve("manifest.json"), Files.readString(golden.resolve("manifest.json")).replace("\"gridworld\"", "\"maze\""));
        assertThatThrownBy(() -> ModelFile.load(copy)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("/config/environment").hasMessageContaining("unknown environment 'maze'");
        Files.write(copy.resolve("weights.safetensors"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> ModelFile.load(copy)).isInstanceOf(ModelFileException.class).hasMessageContaining("corrupt");
    }
}

package dev.kiln.rl.agent;

import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelCodecProvider;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import dev.kiln.rl.env.EnvironmentSpec;
import dev.kiln.rl.tabular.QTable;
import java.util.List;

/** The model codecs of kiln-rl, registered through META-INF/services. */
public final class RlModelCodecs implements ModelCodecProvider {

    @Override
    public List<ModelCodec<?>> codecs() {
        return List.of(new TabularAgentCodec(), new DqnAgentCodec());
    }

    /** The environment and algorithm in the manifest; Q as the float64 tensor "q" [states, actions]. */
    static final class TabularAgentCodec implements ModelCodec<TabularAgent> {
        @Override
        public String typeId() {
            return "rl-tabular-agent";
        }

        @Override
        public Class<TabularAgent> type() {
            return TabularAgent.class;
        }

        @Override
        public void write(TabularAgent agent, ModelWriter out) {
            out.put("environment", agent.environment());
            out.put("algorithm", agent.algorithm());
            QTable q = agent.q();
            out.tensor("q", q.values(), q.stateCount(), q.actionCount());
        }

        @Override
        public TabularAgent read(ModelReader in) {
            EnvironmentSpec env = in.get("environment", EnvironmentSpec.class);
            String algorithm = in.getString("algorithm");
            long[] shape = in.shape("q");
            if (shape.length != 2) {
                throw in.error("tensor 'q' must be 2-D [states, actions], found " + java.util.Arrays.toString(shape));
            }
            double[] values = in.doubles("q", shape);
            try {
                return new TabularAgent(env, algorithm, new QTable((int) shape[0], (int) shape[1], values));
            } catch (IllegalArgumentException e) {
                throw in.error(e.getMessage());
            }
        }
    }

    /** The environment and layer widths in the manifest; layer i's weight and bias as float32 "layer{i}.weight" and "layer{i}.bias". */
    static final class DqnAgentCodec implements ModelCodec<DqnAgent> {
        @Override
        public String typeId() {
            return "rl-dqn-agent";
        }

        @Override
        public Class<DqnAgent> type() {
            return DqnAgent.class;
        }

        @Override
        public void write(DqnAgent agent, ModelWriter out) {
            out.put("environment", agent.environment());
            out.put("widths", agent.widths());
            out.put("activation", "relu");
            int[] widths = agent.widths();
            float[][] weights = agent.weights();
            for (int i = 0; i + 1 < widths.length; i++) {
                out.tensor("layer" + i + ".weight", weights[2 * i], widths[i + 1], widths[i]);
                out.tensor("layer" + i + ".bias", weights[2 * i + 1], widths[i + 1]);
            }
        }

        @Override
        public DqnAgent read(ModelReader in) {
            EnvironmentSpec env = in.get("environment", EnvironmentSpec.class);
            int[] widths = in.get("widths", int[].class);
            if (!"relu".equals(in.getString("activation"))) {
                throw in.error("/config/activation: expected \"relu\"");
            }
            if (widths.length < 2) {
                throw in.error("/config/widths: expected at least the input and output widths, got " + java.util.Arrays.toString(widths));
            }
            float[][] weights = new float[2 * (widths.length - 1)][];
            for (int i = 0; i + 1 < widths.length; i++) {
                weights[2 * i] = in.floats("layer" + i + ".weight", widths[i + 1], widths[i]);
                weights[2 * i + 1] = in.floats("layer" + i + ".bias", widths[i + 1]);
            }
            try {
                return new DqnAgent(env, widths, weights);
            } catch (IllegalArgumentException e) {
                throw in.error(e.getMessage());
            }
        }
    }
}

package dev.kiln.cli.rl;

import dev.kiln.cli.output.Table;
import dev.kiln.rl.Evaluation;
import dev.kiln.rl.env.EnvironmentSpec;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The evaluation figures both rl commands print: mean and spread of the return, and the success rate where there is a goal. */
final class EvaluationReport {
    private EvaluationReport() {
    }

    static Map<String, Object> metrics(EnvironmentSpec env, Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eval_episodes", e.episodes());
        m.put("mean_return", e.meanReturn());
        m.put("std_return", e.stdReturn());
        if (env.hasGoal()) {
            m.put("success_rate", e.fractionAtLeast(1));
        }
        double meanLength = 0;
        for (int l : e.lengths()) {
            meanLength += l;
        }
        m.put("mean_episode_length", meanLength / e.episodes());
        return m;
    }

    static void print(PrintWriter w, Map<String, Object> metrics) {
        Table t = Table.withHeader("evaluation", "value");
        metrics.forEach(t::row);
        w.print(t);
    }
}

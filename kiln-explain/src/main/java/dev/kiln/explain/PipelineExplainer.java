package dev.kiln.explain;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.PipelineModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Explains a pipeline through its final model: rows go through the fitted steps, the final
 * model's explanation is computed on the features it sees, and the contributions are summed back
 * to the pipeline's input columns ({@link Explanation#grouped} with {@link PipelineModel#sources}),
 * so a one-hot encoded column gets one value, in the order of the pipeline's input columns (one the
 * steps leave out gets 0, its exact Shapley value). Additivity is kept.
 */
public final class PipelineExplainer implements Explainer {
    private final PipelineModel<?> pipeline;
    private final Explainer finalModel;

    /** @param finalModel explains {@code pipeline.model()} on transformed rows */
    public PipelineExplainer(PipelineModel<?> pipeline, Explainer finalModel) {
        this.pipeline = pipeline;
        this.finalModel = finalModel;
    }

    @Override
    public List<Explanation> explain(Frame rows) {
        return finalModel.explain(pipeline.transform(rows)).stream()
                .map(e -> inInputOrder(e.grouped(pipeline::sources)))
                .toList();
    }

    /** The pipeline's input columns in their order; a column no feature came from (one the steps drop) gets 0. */
    private Explanation inInputOrder(Explanation grouped) {
        List<String> names = new ArrayList<>(pipeline.inputSchema().names());
        for (String f : grouped.features()) {
            if (!names.contains(f)) {
                names.add(f);
            }
        }
        Map<String, Double> byFeature = grouped.byFeature();
        double[] values = new double[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = byFeature.getOrDefault(names.get(i), 0.0);
        }
        return new Explanation(grouped.method(), grouped.output(), grouped.outputClass(), grouped.baseValue(),
                grouped.prediction(), names, values);
    }
}

package dev.kiln.explain;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.PipelineModel;
import java.util.List;

/**
 * Explains a pipeline through its final model: rows go through the fitted steps, the final
 * model's explanation is computed on the features it sees, and the contributions are summed back
 * to the pipeline's input columns ({@link Explanation#grouped} with {@link PipelineModel#sources}),
 * so a one-hot encoded column gets one value. Additivity is kept.
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
                .map(e -> e.grouped(pipeline::sources))
                .toList();
    }
}

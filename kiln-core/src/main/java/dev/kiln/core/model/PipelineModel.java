package dev.kiln.core.model;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import java.util.List;

/**
 * A fitted {@link Pipeline}: fitted steps applied in order, then the fitted model.
 *
 * @param <P> the kind of prediction the final model makes
 */
public final class PipelineModel<P extends Prediction> implements Model<P> {
    private final Schema inputSchema;
    private final List<FittedTransformer> steps;
    private final Model<P> model;

    public PipelineModel(Schema inputSchema, List<FittedTransformer> steps, Model<P> model) {
        this.inputSchema = inputSchema;
        this.steps = List.copyOf(steps);
        this.model = java.util.Objects.requireNonNull(model, "model");
    }

    public List<FittedTransformer> steps() {
        return steps;
    }

    /** The final model, which sees the output of the steps. */
    public Model<P> model() {
        return model;
    }

    /** The input after all steps: what the final model sees. */
    public Frame transform(Frame features) {
        Frame current = features;
        for (FittedTransformer step : steps) {
            current = step.transform(current);
        }
        return current;
    }

    /**
     * The pipeline's input columns a feature the final model sees was made from, traced back
     * through every step's {@link FittedTransformer#sources}.
     */
    public List<String> sources(String feature) {
        java.util.Set<String> current = new java.util.LinkedHashSet<>(List.of(feature));
        for (int i = steps.size() - 1; i >= 0; i--) {
            java.util.Set<String> previous = new java.util.LinkedHashSet<>();
            for (String name : current) {
                previous.addAll(steps.get(i).sources(name));
            }
            current = previous;
        }
        return List.copyOf(current);
    }

    @Override
    public P predict(Frame features) {
        return model.predict(transform(features));
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}

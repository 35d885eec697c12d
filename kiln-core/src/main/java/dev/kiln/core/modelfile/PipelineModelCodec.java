package dev.kiln.core.modelfile;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.PipelineModel;
import dev.kiln.core.model.Prediction;
import java.util.ArrayList;
import java.util.List;

/** Saves a fitted pipeline as its input schema plus one nested component per step and one for the model. */
@SuppressWarnings({"rawtypes", "unchecked"})
final class PipelineModelCodec implements ModelCodec<PipelineModel> {

    @Override
    public String typeId() {
        return "pipeline";
    }

    @Override
    public Class<PipelineModel> type() {
        return PipelineModel.class;
    }

    @Override
    public void write(PipelineModel value, ModelWriter out) {
        PipelineModel<?> p = value;
        out.put("step_count", p.steps().size());
        for (int i = 0; i < p.steps().size(); i++) {
            out.child("step_" + i, p.steps().get(i));
        }
        out.child("model", p.model());
    }

    @Override
    public PipelineModel read(ModelReader in) {
        Schema schema = in.inputSchema();
        int count = in.get("step_count", Integer.class);
        if (count < 0) {
            throw in.error("step_count must be >= 0, got " + count);
        }
        List<FittedTransformer> steps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            steps.add(in.child("step_" + i, FittedTransformer.class));
        }
        Model<Prediction> model = in.child("model", Model.class);
        return new PipelineModel<>(schema, steps, model);
    }
}

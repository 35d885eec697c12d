package dev.kiln.explain.lime;

import dev.kiln.core.frame.Frame;
import dev.kiln.explain.Explainer;
import dev.kiln.explain.Explanation;

import java.util.List;

/** A LIME explainer (tabular or text): explanations with the surrogate's fidelity beside them. */
public interface LimeExplainer extends Explainer {

    /** One explanation per row, with the surrogate's fidelity, its selected features and what each feature stands for. */
    List<LimeExplanation> explainDetailed(Frame rows);

    @Override
    default List<Explanation> explain(Frame rows) {
        return explainDetailed(rows).stream().map(LimeExplanation::explanation).toList();
    }
}

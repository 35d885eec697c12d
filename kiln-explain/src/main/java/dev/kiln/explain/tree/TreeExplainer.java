package dev.kiln.explain.tree;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.parallel.Parallelism;
import dev.kiln.explain.ClassChoice;
import dev.kiln.explain.Explainer;
import dev.kiln.explain.Explanation;
import dev.kiln.explain.FeatureRows;
import java.util.List;

/**
 * TreeSHAP for Kiln's decision trees, random forests and gradient-boosted trees: exact Shapley
 * values, either path-dependent (Lundberg, Erion and Lee 2018, Algorithm 2: a missing feature is
 * integrated out along the trees' cover; base value = the cover-weighted expected output) or
 * interventional (Lundberg et al. 2020: a missing feature takes a background row's value; base
 * value = the mean output over the background). Forests and trees explain the probability of a
 * class; boosted models explain the raw score (log-odds) before the link, which is exact in
 * margin space as shap's {@code model_output="raw"}; regressors explain their value.
 *
 * <p>Immutable and thread-safe; rows are explained in parallel.
 */
public final class TreeExplainer implements Explainer {
    public static final String METHOD = "tree";
    private static final String WHO = "TreeSHAP";

    private final TreeModel model;
    private final ClassChoice classChoice;
    private final double[][] background;

    private TreeExplainer(TreeModel model, String outputClass, double[][] background) {
        this.model = model;
        this.classChoice = model.classes() == null ? null : ClassChoice.of(model.classes(), outputClass);
        if (model.classes() == null && outputClass != null) {
            throw new IllegalArgumentException("a regressor has no classes; drop the class '" + outputClass + "'");
        }
        this.background = background;
    }

    /**
     * Path-dependent TreeSHAP, which needs no background data.
     *
     * @param outputClass the class to explain, or null for the default ({@link ClassChoice})
     */
    public static TreeExplainer pathDependent(TreeModel model, String outputClass) {
        return new TreeExplainer(model, outputClass, null);
    }

    /** Interventional TreeSHAP against the rows of {@code background} (at least one). */
    public static TreeExplainer interventional(TreeModel model, String outputClass, Frame background) {
        if (background.rowCount() == 0) {
            throw new IllegalArgumentException("interventional TreeSHAP needs at least one background row");
        }
        return new TreeExplainer(model, outputClass, FeatureRows.of(model.inputSchema(), background, WHO));
    }

    /** Whether missing features take background values (else they are integrated out along the cover). */
    public boolean interventional() {
        return background != null;
    }

    @Override
    public List<Explanation> explain(Frame rows) {
        double[][] x = FeatureRows.of(model.inputSchema(), rows, WHO);
        int[] classOf = classChoice == null ? new int[x.length]
                : classChoice.indices(model.classifier().orElseThrow(), rows);
        int classCount = model.classes() == null ? 1 : model.classes().size();
        TreeEnsemble[] ensembles = new TreeEnsemble[classCount];
        double[] base = new double[classCount];
        for (int k : classOf) {
            if (ensembles[k] == null) {
                ensembles[k] = model.ensemble(k);
                base[k] = background == null ? ensembles[k].expectedValue() : meanOutput(ensembles[k], background);
            }
        }
        List<String> features = model.inputSchema().names();
        Explanation[] out = new Explanation[x.length];
        Parallelism.forEachRange(x.length, 1, (from, to) -> {
            PathDependentTreeShap path = background == null ? new PathDependentTreeShap() : null;
            InterventionalTreeShap intervention = background == null ? null : new InterventionalTreeShap(features.size());
            for (int i = from; i < to; i++) {
                TreeEnsemble e = ensembles[classOf[i]];
                double[] phi = background == null ? pathDependent(e, x[i], path) : interventional(e, x[i], background, intervention);
                String cls = classChoice == null ? null : model.classes().get(classOf[i]);
                out[i] = new Explanation(METHOD, model.output(), cls, base[classOf[i]], e.predict(x[i]), features, phi);
            }
        });
        return List.of(out);
    }

    /** Path-dependent SHAP values of one row: one per input column. */
    public static double[] pathDependent(TreeEnsemble ensemble, double[] x, PathDependentTreeShap scratch) {
        double[] phi = new double[ensemble.featureCount()];
        for (TreeTerm t : ensemble.terms()) {
            scratch.accumulate(t, x, phi);
        }
        return phi;
    }

    /** Interventional SHAP values of one row against a background: the mean of its values against each background row. */
    public static double[] interventional(TreeEnsemble ensemble, double[] x, double[][] background,
                                          InterventionalTreeShap scratch) {
        double[] phi = new double[ensemble.featureCount()];
        double scale = 1.0 / background.length;
        for (TreeTerm t : ensemble.terms()) {
            for (double[] z : background) {
                scratch.accumulate(t, x, z, scale, phi);
            }
        }
        return phi;
    }

    /** The mean output over the background rows: interventional TreeSHAP's base value. */
    public static double meanOutput(TreeEnsemble ensemble, double[][] background) {
        double sum = 0;
        for (double[] z : background) {
            sum += ensemble.predict(z);
        }
        return sum / background.length;
    }
}

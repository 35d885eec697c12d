package dev.kiln.explain;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.PipelineModel;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.explain.exact.ExactExplainer;
import dev.kiln.explain.kernel.Background;
import dev.kiln.explain.kernel.KernelShap;
import dev.kiln.explain.kernel.ModelInput;
import dev.kiln.explain.lime.LimeTabular;
import dev.kiln.explain.lime.LimeText;
import dev.kiln.explain.linear.LinearExplainer;
import dev.kiln.explain.linear.LinearTerms;
import dev.kiln.explain.tree.TreeExplainer;
import dev.kiln.explain.tree.TreeModel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the explainer that fits a fitted model: TreeSHAP for trees, forests and boosting,
 * linear SHAP for linear and logistic regression, otherwise exact enumeration over a sampled
 * background when the model has at most {@link #AUTO_EXACT_MAX_FEATURES} input columns, and
 * KernelSHAP above that; LIME when asked for. A
 * pipeline is explained through its final model on the transformed features, and the values are
 * summed back to its input columns ({@link PipelineExplainer}); exact enumeration explains the
 * whole pipeline on its input columns directly.
 */
public final class ExplainerChooser {
    /** The most input columns {@link Method#AUTO} explains by exact enumeration. */
    public static final int AUTO_EXACT_MAX_FEATURES = 12;
    /** Background rows exact enumeration samples when the caller names no size. */
    public static final int DEFAULT_EXACT_BACKGROUND = 50;
    /** Background rows linear SHAP takes its mean (and covariance) from when the caller names no size. */
    public static final int DEFAULT_LINEAR_BACKGROUND = 1000;
    /** Weighted k-means rows summarising the data for KernelSHAP when the caller names no size (shap's advice). */
    public static final int DEFAULT_KERNEL_BACKGROUND = 50;

    private ExplainerChooser() {
    }

    /** The explanation methods one can ask for. */
    public enum Method {
        AUTO, TREE, LINEAR, EXACT, KERNEL, LIME;

        /** The lower-case name used on the command line and in JSON. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The method called {@code name}, or an error listing the choices. */
        public static Method parse(String name) {
            for (Method m : values()) {
                if (m.label().equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown explanation method '" + name + "'; choose one of "
                    + Arrays.stream(values()).map(Method::label).toList());
        }
    }

    /**
     * What the caller asks for.
     *
     * @param method      the method, or {@link Method#AUTO}
     * @param outputClass the class to explain, or null for the default ({@link ClassChoice})
     * @param data        rows the background is drawn from (the rows being explained will do)
     * @param background  how many background rows to sample, or null for the method's default; for trees, giving a
     *                    size asks for interventional TreeSHAP instead of the path-dependent kind, which needs none
     * @param seed        seeds the background sample
     * @param correlated  linear SHAP with correlated (Gaussian) features instead of independent ones
     */
    public record Request(Method method, String outputClass, Frame data, Integer background, long seed,
                          boolean correlated) {
        public Request {
            if (background != null && background < 1) {
                throw new IllegalArgumentException("the background needs at least 1 row, got " + background);
            }
            if (data == null || data.rowCount() == 0) {
                throw new IllegalArgumentException("explaining needs data rows to draw a background from");
            }
        }
    }

    /** The explainer {@code request} asks for, for {@code model} (a model or a pipeline). */
    public static Explainer choose(Object model, Request request) {
        PipelineModel<?> pipeline = model instanceof PipelineModel<?> p ? p : null;
        Object last = pipeline == null ? model : pipeline.model();
        Optional<TreeModel> tree = TreeModel.of(last);
        Optional<LinearTerms> linear = LinearTerms.of(last);
        Method method = request.method();
        if (method == Method.AUTO) {
            method = tree.isPresent() ? Method.TREE : linear.isPresent() ? Method.LINEAR
                    : inputColumns(model) <= AUTO_EXACT_MAX_FEATURES ? Method.EXACT : Method.KERNEL;
        }
        return switch (method) {
            case TREE -> throughPipeline(pipeline, tree.map(t -> {
                Frame data = finalInput(pipeline, request.data());
                return request.background() == null
                        ? (Explainer) TreeExplainer.pathDependent(t, request.outputClass())
                        : TreeExplainer.interventional(t, request.outputClass(), sample(data, request.background(), request.seed()));
            }).orElseThrow(() -> unfit("tree", "decision trees, random forests and gradient boosting", last)));
            case LINEAR -> throughPipeline(pipeline, linear.map(l -> {
                Frame data = finalInput(pipeline, request.data());
                int size = request.background() == null ? DEFAULT_LINEAR_BACKGROUND : request.background();
                Frame background = sample(data, size, request.seed());
                return request.correlated()
                        ? (Explainer) LinearExplainer.correlated(l, request.outputClass(), background,
                        LinearExplainer.DEFAULT_PERMUTATIONS, request.seed())
                        : LinearExplainer.independent(l, request.outputClass(), background);
            }).orElseThrow(() -> unfit("linear", "linear regressors and logistic regression", last)));
            case EXACT -> {
                int size = request.background() == null ? DEFAULT_EXACT_BACKGROUND : request.background();
                yield new ExactExplainer((Model<?>) model, request.outputClass(), sample(request.data(), size, request.seed()));
            }
            case KERNEL -> new KernelShap((Model<?>) model, kernelBackground((Model<?>) model, request),
                    KernelShap.Params.defaults().withSeed(request.seed()).withOutputClass(request.outputClass()));
            case LIME -> {
                Model<?> whole = (Model<?>) model;
                boolean text = whole.inputSchema().fields().stream().anyMatch(f -> f.type() == ColumnType.TEXT);
                yield text
                        ? new LimeText(whole, LimeText.Params.defaults().withSeed(request.seed()).withOutputClass(request.outputClass()))
                        : new LimeTabular(whole, ModelInput.columns(whole, request.data(), "the data"),
                        LimeTabular.Params.defaults().withSeed(request.seed()).withOutputClass(request.outputClass()));
            }
            case AUTO -> throw new IllegalStateException("auto was resolved above");
        };
    }

    /**
     * KernelSHAP's background: {@code background} sampled rows when the caller names a size, else
     * a weighted k-means summary of {@link #DEFAULT_KERNEL_BACKGROUND} rows when the data has a
     * complete numeric column to cluster on, else that many sampled rows.
     */
    private static Background kernelBackground(Model<?> model, Request request) {
        Frame data = ModelInput.columns(model, request.data(), "the data");
        if (request.background() != null) {
            return Background.sample(data, request.background(), request.seed());
        }
        boolean clusterable = data.columns().stream().anyMatch(c -> c.type().isNumeric() && c.missingCount() == 0);
        return clusterable && data.rowCount() > DEFAULT_KERNEL_BACKGROUND
                ? Background.kmeans(data, DEFAULT_KERNEL_BACKGROUND, request.seed())
                : Background.sample(data, DEFAULT_KERNEL_BACKGROUND, request.seed());
    }

    private static Explainer throughPipeline(PipelineModel<?> pipeline, Explainer finalModel) {
        return pipeline == null ? finalModel : new PipelineExplainer(pipeline, finalModel);
    }

    private static Frame finalInput(PipelineModel<?> pipeline, Frame data) {
        return pipeline == null ? data : pipeline.transform(data);
    }

    private static int inputColumns(Object model) {
        return ((Model<?>) model).inputSchema().size();
    }

    /** {@code size} rows of {@code data} drawn without replacement with {@code seed}, in order (all rows when it has no more). */
    public static Frame sample(Frame data, int size, long seed) {
        return Background.sample(data, size, seed).rows();
    }

    private static IllegalArgumentException unfit(String method, String explains, Object model) {
        return new IllegalArgumentException("method '" + method + "' explains " + explains + "; this model is "
                + describe(model) + "; method 'auto' picks one that fits");
    }

    private static String describe(Object model) {
        return "a " + model.getClass().getSimpleName().replaceAll("Model$", "");
    }

    /** The method names, for help texts. */
    public static List<String> methodNames() {
        return Arrays.stream(Method.values()).map(Method::label).toList();
    }
}

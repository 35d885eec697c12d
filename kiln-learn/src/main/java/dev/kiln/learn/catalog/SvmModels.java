package dev.kiln.learn.catalog;

import dev.kiln.learn.svm.Gamma;
import dev.kiln.learn.svm.Kernel;
import dev.kiln.learn.svm.Svc;
import dev.kiln.learn.svm.Svr;
import dev.kiln.learn.selection.Task;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The catalog entry of kernel support vector machines. */
final class SvmModels {
    private SvmModels() {
    }

    static ModelSpec svm() {
        return new ModelSpec("svm", "support vector machine (SMO as libsvm; epsilon-SVR for regression)",
                Set.of(Task.CLASSIFICATION, Task.REGRESSION), true, List.of(
                ParamSpec.number("C", 1.0, "penalty of margin violations (smaller: smoother)"),
                ParamSpec.choice("kernel", "rbf", "kernel function", "rbf", "linear", "poly", "sigmoid"),
                ParamSpec.integer("degree", 3, "degree of the poly kernel"),
                ParamSpec.numberOrWord("gamma", "scale", "kernel coefficient: 1/(features·variance), 1/features, or a number",
                        "scale", "auto"),
                ParamSpec.number("coef0", 0.0, "constant of the poly and sigmoid kernels"),
                ParamSpec.number("epsilon", 0.1, "regression: width of the no-penalty tube"),
                ParamSpec.bool("probability", false, "classification: fit Platt probabilities (5-fold internal CV)"),
                ParamSpec.number("tol", 1e-3, "stopping tolerance"),
                ParamSpec.integer("seed", 0, "seed of the probability cross-validation")),
                (task, p) -> {
                    Gamma gamma = p.isWord("gamma") ? (p.word("gamma").equals("auto") ? Gamma.auto() : Gamma.scale())
                            : Gamma.of(p.number("gamma"));
                    Kernel kernel = Kernel.valueOf(p.word("kernel").toUpperCase(Locale.ROOT));
                    if (task == Task.CLASSIFICATION) {
                        Svc.Params d = Svc.Params.defaults();
                        return new Svc(new Svc.Params(p.number("C"), kernel, p.integer("degree"), gamma, p.number("coef0"),
                                d.shrinking(), p.flag("probability"), p.number("tol"), d.cacheSize(), d.maxIter(),
                                d.decisionFunctionShape(), d.breakTies(), p.integer("seed")));
                    }
                    Svr.Params d = Svr.Params.defaults();
                    return new Svr(new Svr.Params(p.number("C"), p.number("epsilon"), kernel, p.integer("degree"), gamma,
                            p.number("coef0"), d.shrinking(), p.number("tol"), d.cacheSize(), d.maxIter()));
                });
    }
}

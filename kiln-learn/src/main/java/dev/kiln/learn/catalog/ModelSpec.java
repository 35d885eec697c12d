package dev.kiln.learn.catalog;

import dev.kiln.core.model.Estimator;
import dev.kiln.learn.selection.Task;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model as users name it ({@code random-forest}): what it does, the tasks it handles, its
 * hyperparameters with scikit-learn's defaults, whether it needs scaled inputs, and how to build
 * its estimator for a task from parameter values.
 *
 * @param name         kebab-case, as on the command line
 * @param summary      one line
 * @param tasks        classification, regression or both
 * @param needsScaling whether the default pipeline standardises numeric inputs for it
 * @param params       its hyperparameters
 * @param builder      builds the estimator
 * @param input        what it reads: a table (behind the default preprocessing) or a text column (as it is)
 */
public record ModelSpec(String name, String summary, Set<Task> tasks, boolean needsScaling, List<ParamSpec> params,
                        Builder builder, Input input) {

    /** What a model reads from the frame it is given. */
    public enum Input {
        /** Numeric and categorical columns, imputed, encoded and scaled by {@link DefaultPipeline}. */
        TABLE,
        /** One free-text column, which the model vectorises itself. */
        TEXT
    }

    /** Builds an estimator for a task from complete parameter values. */
    @FunctionalInterface
    public interface Builder {
        Estimator<?> build(Task task, ParamValues values);
    }

    public ModelSpec {
        tasks = Set.copyOf(tasks);
        params = List.copyOf(params);
        java.util.Objects.requireNonNull(input, "input");
    }

    /** A model of tables. */
    public ModelSpec(String name, String summary, Set<Task> tasks, boolean needsScaling, List<ParamSpec> params, Builder builder) {
        this(name, summary, tasks, needsScaling, params, builder, Input.TABLE);
    }

    /** The estimator for {@code task} with the given parameters (text, as from the command line) over the defaults. */
    public Estimator<?> estimator(Task task, Map<String, String> text) {
        return estimatorFromValues(task, text);
    }

    /** The estimator for {@code task} with typed values (as a search proposes them) or text, over the defaults. */
    public Estimator<?> estimatorFromValues(Task task, Map<String, ?> given) {
        ParamValues values = ParamValues.of(name, params, given);
        if (!tasks.contains(task)) {
            throw new IllegalArgumentException(name + " does not do " + task.label() + "; it does "
                    + String.join(" and ", tasks.stream().map(Task::label).sorted().toList()));
        }
        try {
            return builder.build(task, values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage() + (given.isEmpty() ? "" : " (given " + given + ")"), e);
        }
    }

    /** The spec of parameter {@code paramName}, or an error listing the valid names. */
    public ParamSpec param(String paramName) {
        return ParamValues.find(name, params, paramName);
    }
}

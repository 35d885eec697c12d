package dev.kiln.learn.search;

import java.util.List;

/**
 * Every trial of a hyperparameter search and the best one by the search's metric.
 *
 * @param method          "grid", "random" or "bayes"
 * @param metric          the metric compared, e.g. "accuracy"
 * @param greaterIsBetter whether larger values of it are better
 * @param trials          all trials, in the order they were proposed
 * @param best            the best trial that did not fail
 */
public record SearchResult(String method, String metric, boolean greaterIsBetter, List<Trial> trials, Trial best) {

    public SearchResult {
        trials = List.copyOf(trials);
    }
}

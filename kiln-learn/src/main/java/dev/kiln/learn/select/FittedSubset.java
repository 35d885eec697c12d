package dev.kiln.learn.select;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.NoSuchColumnException;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.FittedTransformer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fitted selector: of the columns it considered it keeps the selected ones, removes the
 * others, and passes every other column through. Kept columns keep their names.
 */
public abstract sealed class FittedSubset implements FittedTransformer
        permits FittedVarianceThreshold, FittedSelectKBest, FittedRfe {
    private final Schema inputSchema;
    private final List<String> considered;
    private final List<String> selected;
    private final String who;

    FittedSubset(Schema inputSchema, List<String> considered, List<String> selected, String who) {
        if (!considered.containsAll(selected)) {
            throw new IllegalArgumentException(who + ": selected columns " + selected + " are not all among " + considered);
        }
        this.inputSchema = inputSchema;
        this.considered = List.copyOf(considered);
        this.selected = List.copyOf(selected);
        this.who = who;
    }

    /** The columns the selector chose among. */
    public List<String> considered() {
        return considered;
    }

    /** The considered columns kept, in input order. */
    public List<String> selected() {
        return selected;
    }

    @Override
    public Frame transform(Frame features) {
        for (String name : considered) {
            if (!features.hasColumn(name)) {
                throw new IllegalArgumentException(who + ": " + NoSuchColumnException.of(name, features.names()).getMessage());
            }
        }
        Set<String> dropped = new HashSet<>(considered);
        selected.forEach(dropped::remove);
        return dropped.isEmpty() ? features : features.drop(new ArrayList<>(dropped));
    }

    @Override
    public List<String> sources(String outputColumn) {
        if (considered.contains(outputColumn) && !selected.contains(outputColumn)) {
            throw new IllegalArgumentException(who + ": column '" + outputColumn + "' was not selected, so it is not an output");
        }
        return List.of(outputColumn);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}

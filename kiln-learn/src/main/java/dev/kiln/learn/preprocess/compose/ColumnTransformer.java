package dev.kiln.learn.preprocess.compose;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.core.model.Transformer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies different transformers to different columns and concatenates their outputs, as
 * scikit-learn's {@code ColumnTransformer}: each entry's transformer is fitted on the columns
 * its selector picks (a column may feed several entries; an entry that picks none is skipped);
 * the outputs come in entry order, then — with remainder {@code PASSTHROUGH} — the columns no
 * entry picked, in frame order. Output names are the transformers' own, not prefixed with the
 * entry name (scikit-learn's {@code verbose_feature_names_out=False}); two outputs of one name
 * are an error. {@link FittedColumnTransformer#sources} traces outputs through each entry's
 * transformer to the input columns.
 */
public final class ColumnTransformer implements Transformer {
    static final String WHO = "column-transformer";

    /** What happens to the columns no entry picks. */
    public enum Remainder {
        /** Left out of the output (scikit-learn's default "drop"). */
        DROP,
        /** Appended unchanged ("passthrough"). */
        PASSTHROUGH
    }

    /** @param remainder what happens to the columns no entry picks (scikit-learn: "drop") */
    public record Params(Remainder remainder) {
        public Params {
            java.util.Objects.requireNonNull(remainder, "remainder");
        }

        public static Params defaults() {
            return new Params(Remainder.DROP);
        }
    }

    /** One entry: a name (for messages and lineage), a transformer, and the columns it gets. */
    public record Entry(String name, Transformer transformer, ColumnSelector selector) {
        public Entry {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(WHO + ": entry names must not be empty");
            }
            java.util.Objects.requireNonNull(transformer, "transformer");
            java.util.Objects.requireNonNull(selector, "selector");
        }
    }

    private final List<Entry> entries;
    private final Params params;

    public ColumnTransformer(List<Entry> entries, Params params) {
        this.entries = List.copyOf(entries);
        this.params = java.util.Objects.requireNonNull(params, "params");
        Set<String> names = new HashSet<>();
        for (Entry e : this.entries) {
            if (!names.add(e.name())) {
                throw new IllegalArgumentException(WHO + ": two entries are named '" + e.name() + "'");
            }
        }
    }

    /** The entries, with the remainder dropped. */
    public static ColumnTransformer of(Entry... entries) {
        return new ColumnTransformer(List.of(entries), Params.defaults());
    }

    public static Entry entry(String name, Transformer transformer, ColumnSelector selector) {
        return new Entry(name, transformer, selector);
    }

    public List<Entry> entries() {
        return entries;
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedColumnTransformer fit(Frame features, Column target) {
        List<FittedColumnTransformer.Part> parts = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (Entry e : entries) {
            List<String> columns;
            try {
                columns = e.selector().select(features);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(WHO + ": entry '" + e.name() + "': " + ex.getMessage(), ex);
            }
            if (columns.isEmpty()) {
                continue;
            }
            used.addAll(columns);
            Frame input = features.select(columns);
            FittedTransformer fitted = e.transformer().fit(input, target);
            parts.add(new FittedColumnTransformer.Part(e.name(), columns, fitted.transform(input).names(), fitted));
        }
        List<String> remainder = new ArrayList<>();
        if (params.remainder() == Remainder.PASSTHROUGH) {
            for (String name : features.names()) {
                if (!used.contains(name)) {
                    remainder.add(name);
                }
            }
        }
        return new FittedColumnTransformer(params, features.schema(), parts, remainder);
    }

    /** Checks that no two outputs share a name, naming the entries they come from. */
    static void checkDistinct(List<FittedColumnTransformer.Part> parts, List<String> remainder) {
        Map<String, String> owner = new HashMap<>();
        for (FittedColumnTransformer.Part p : parts) {
            for (String out : p.outputs()) {
                String before = owner.putIfAbsent(out, p.name());
                if (before != null) {
                    throw new IllegalArgumentException(WHO + ": output column '" + out + "' comes from both '" + before
                            + "' and '" + p.name() + "'; select each column for one entry only, or rename columns");
                }
            }
        }
        for (String name : remainder) {
            String before = owner.putIfAbsent(name, "the remainder");
            if (before != null) {
                throw new IllegalArgumentException(WHO + ": output column '" + name + "' comes from both '" + before
                        + "' and the passed-through remainder; rename one of them");
            }
        }
    }
}

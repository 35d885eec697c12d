package dev.kiln.explain.fairness;

import dev.kiln.core.frame.Frame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a frame divided into the intersectional groups of one or more sensitive features:
 * every combination of their values that occurs is a group, named {@code col=value, col=value}.
 * Groups are sorted by their values; every group has at least one row.
 */
public final class Grouping {
    private final List<String> features;
    private final List<Group> groups;
    private final int[] groupOfRow;

    /**
     * One group: its name and the value of each sensitive feature.
     *
     * @param name   {@code col=value[, col=value…]}
     * @param values the value (or bin) of each feature, by column name
     */
    public record Group(String name, Map<String, String> values) {
        public Group {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    private Grouping(List<String> features, List<Group> groups, int[] groupOfRow) {
        this.features = List.copyOf(features);
        this.groups = List.copyOf(groups);
        this.groupOfRow = groupOfRow;
    }

    /** The groups of {@code frame}'s rows under {@code features}, binned as given. */
    public static Grouping of(Frame frame, List<SensitiveFeature.Binned> features) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("name at least one sensitive feature");
        }
        List<String> names = features.stream().map(SensitiveFeature.Binned::column).toList();
        if (names.stream().distinct().count() < names.size()) {
            throw new IllegalArgumentException("a sensitive feature is named twice: " + names);
        }
        int n = frame.rowCount();
        List<String[]> labels = features.stream().map(f -> f.labels(frame)).toList();
        TreeMap<List<String>, List<Integer>> rowsByKey = new TreeMap<>(Grouping::compareKeys);
        for (int i = 0; i < n; i++) {
            List<String> key = new ArrayList<>(labels.size());
            for (String[] l : labels) {
                key.add(l[i]);
            }
            rowsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        for (SensitiveFeature.Binned f : features) {
            for (String bin : f.binLabels()) {
                int feature = names.indexOf(f.column());
                boolean used = rowsByKey.keySet().stream().anyMatch(k -> k.get(feature).equals(bin));
                if (!used) {
                    throw new IllegalArgumentException("sensitive feature '" + f.column() + "': the bin " + bin
                            + " has no rows; choose other thresholds");
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        int[] groupOfRow = new int[n];
        for (Map.Entry<List<String>, List<Integer>> e : rowsByKey.entrySet()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int j = 0; j < names.size(); j++) {
                values.put(names.get(j), e.getKey().get(j));
            }
            for (int row : e.getValue()) {
                groupOfRow[row] = groups.size();
            }
            groups.add(new Group(name(values), values));
        }
        return new Grouping(names, groups, groupOfRow);
    }

    /** Group labels given directly, one per row (for callers that already have them). */
    public static Grouping ofLabels(String feature, String[] labels) {
        TreeMap<String, Integer> index = new TreeMap<>();
        for (String l : labels) {
            index.putIfAbsent(l, 0);
        }
        List<Group> groups = new ArrayList<>();
        for (String l : index.keySet()) {
            index.put(l, groups.size());
            groups.add(new Group(feature + "=" + l, Map.of(feature, l)));
        }
        int[] groupOfRow = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            groupOfRow[i] = index.get(labels[i]);
        }
        return new Grouping(List.of(feature), groups, groupOfRow);
    }

    private static String name(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int j = 0; j < a.size(); j++) {
            int c = compareValues(a.get(j), b.get(j));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Bins in edge order ({@code <25} before {@code >=25}), numbers by value, other labels alphabetically, missing last. */
    private static int compareValues(String a, String b) {
        if (a.equals(SensitiveFeature.MISSING) || b.equals(SensitiveFeature.MISSING)) {
            return Boolean.compare(a.equals(SensitiveFeature.MISSING), b.equals(SensitiveFeature.MISSING));
        }
        double x = sortKey(a);
        double y = sortKey(b);
        if (!Double.isNaN(x) && !Double.isNaN(y) && x != y) {
            return Double.compare(x, y);
        }
        return a.compareTo(b);
    }

    private static double sortKey(String label) {
        String s = label.startsWith(">=") ? label.substring(2) : label.startsWith("<") ? label.substring(1)
                : label.startsWith("[") ? label.substring(1, Math.max(1, label.indexOf(','))) : label;
        try {
            double v = Double.parseDouble(s);
            return label.startsWith("<") ? Math.nextDown(v) : v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The sensitive feature names. */
    public List<String> features() {
        return features;
    }

    public List<Group> groups() {
        return groups;
    }

    public int groupCount() {
        return groups.size();
    }

    public int rowCount() {
        return groupOfRow.length;
    }

    /** The group index of {@code row}. */
    public int groupOf(int row) {
        return groupOfRow[row];
    }

    /** The group index of every row: a new array. */
    public int[] groupOfRows() {
        return groupOfRow.clone();
    }

    /** The index of the group called {@code name}, or of the group with these {@code col=value} pairs. */
    public int indexOf(Map<String, String> values) {
        if (!values.keySet().equals(new java.util.HashSet<>(features))) {
            throw new IllegalArgumentException("the privileged group must name a value for each sensitive feature " + features
                    + ", got " + values.keySet());
        }
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).values().equals(values)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no rows belong to the group " + name(orderedLike(values))
                + "; the groups are: " + groups.stream().map(Group::name).toList());
    }

    private Map<String, String> orderedLike(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : features) {
            out.put(f, values.get(f));
        }
        return out;
    }
}

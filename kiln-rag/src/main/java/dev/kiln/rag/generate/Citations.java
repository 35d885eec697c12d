package dev.kiln.rag.generate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The sources an answer cites: its {@code [n]} markers, also written {@code [n, m]} or
 * {@code [n][m]}, read in order of first citation without repeats.
 */
public final class Citations {
    private static final Pattern MARKER = Pattern.compile("\\[\\s*(\\d{1,6}(?:\\s*,\\s*\\d{1,6})*)\\s*]");

    private Citations() {
    }

    /** The numbers of {@code sources} that {@code answer} cites; numbers of sources not given are ignored. */
    public static List<Integer> cited(String answer, List<Source> sources) {
        Set<Integer> given = sources.stream().map(Source::number).collect(Collectors.toSet());
        return markers(answer).stream().filter(given::contains).toList();
    }

    /** Every number in {@code answer}'s citation markers, in order of first appearance, without repeats. */
    public static List<Integer> markers(String answer) {
        Set<Integer> numbers = new LinkedHashSet<>();
        Matcher m = MARKER.matcher(answer);
        while (m.find()) {
            for (String n : m.group(1).split(",")) {
                numbers.add(Integer.parseInt(n.strip()));
            }
        }
        return List.copyOf(numbers);
    }
}

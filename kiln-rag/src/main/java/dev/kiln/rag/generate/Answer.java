package dev.kiln.rag.generate;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Generator} answered: the text (with [n] markers where it cites), the sources it
 * cites (numbers of the {@link Source}s it was given, in order of first citation), and whether it
 * declined to answer for lack of evidence.
 */
public record Answer(String text, List<Integer> cited, boolean abstained, String generator) {
    public Answer {
        Objects.requireNonNull(text, "text");
        cited = List.copyOf(cited == null ? List.of() : cited);
        Objects.requireNonNull(generator, "generator");
    }
}

package dev.kiln.serve.input;

import dev.kiln.core.frame.Frame;
import java.util.List;
import java.util.Map;

/**
 * A request's instances as a frame, and the numbers in it that lie outside the range their
 * column held in training.
 *
 * @param frame            the rows, in the model's input schema
 * @param outsideRange     the first {@link InstanceReader#MAX_VIOLATIONS} such numbers, each with its JSON pointer
 * @param outsideByColumn  how many there are per column (all of them, listed or not)
 * @param pointers         where in the request each cell was read
 */
public record Instances(Frame frame, List<Violation> outsideRange, Map<String, Integer> outsideByColumn, CellPointers pointers) {
    public Instances {
        outsideRange = List.copyOf(outsideRange);
        outsideByColumn = Map.copyOf(outsideByColumn);
    }

    /** How many numbers lie outside their training range. */
    public int outsideCount() {
        return outsideByColumn.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The JSON pointer (RFC 6901) of the request value a cell of the frame was read from. */
    @FunctionalInterface
    public interface CellPointers {
        String of(int row, int column);
    }
}

package dev.kiln.rl.env;

import dev.kiln.rl.mdp.Mdp;
import dev.kiln.rl.mdp.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gymnasium's FrozenLake-v1: walk from S to G over frozen cells F without falling into a hole H.
 * Actions 0 left, 1 down, 2 right, 3 up. On slippery ice the agent moves in the intended
 * direction or either perpendicular one, each with probability 1/3. Reward 1 on reaching G,
 * else 0; G and H end the episode. Episodes are cut at 100 steps (4×4) or 200 (8×8), as registered
 * in Gymnasium.
 */
public final class FrozenLake {
    /** Gymnasium's MAPS["4x4"]. */
    public static final List<String> MAP_4X4 = List.of("SFFF", "FHFH", "FFFH", "HFFG");
    /** Gymnasium's MAPS["8x8"]. */
    public static final List<String> MAP_8X8 = List.of("SFFFFFFF", "FFFFFFFF", "FFFHFFFF", "FFFFFHFF", "FFFHFFFF", "FHHFFFHF",
            "FHFFHFHF", "FFFHFFFG");
    public static final int LEFT = 0;
    public static final int DOWN = 1;
    public static final int RIGHT = 2;
    public static final int UP = 3;
    private static final int[] D_ROW = {0, 1, 0, -1};
    private static final int[] D_COL = {-1, 0, 1, 0};

    private FrozenLake() {
    }

    /** The named map ("4x4" or "8x8") with Gymnasium's step limit. */
    public static TabularEnvironment of(String mapName, boolean slippery) {
        return switch (mapName.toLowerCase(Locale.ROOT)) {
            case "4x4" -> of(MAP_4X4, slippery, 100);
            case "8x8" -> of(MAP_8X8, slippery, 200);
            default -> throw new IllegalArgumentException("unknown FrozenLake map '" + mapName + "'; use 4x4 or 8x8");
        };
    }

    /** A lake drawn with the letters S (start), F (frozen), H (hole) and G (goal), one string per row. */
    public static TabularEnvironment of(List<String> map, boolean slippery, int maxEpisodeSteps) {
        Grid grid = new Grid(map.size(), map.isEmpty() ? 0 : map.get(0).length());
        char[] cells = new char[grid.cells()];
        for (int r = 0; r < grid.rows(); r++) {
            String row = map.get(r);
            if (row.length() != grid.cols()) {
                throw new IllegalArgumentException("FrozenLake map row " + r + " has " + row.length() + " cells, row 0 has " + grid.cols());
            }
            for (int c = 0; c < grid.cols(); c++) {
                char ch = row.charAt(c);
                if ("SFHG".indexOf(ch) < 0) {
                    throw new IllegalArgumentException("FrozenLake map row " + r + ", column " + c + ": '" + ch
                            + "' is not one of S, F, H, G");
                }
                cells[r * grid.cols() + c] = ch;
            }
        }
        int n = grid.cells();
        boolean[] terminal = new boolean[n];
        double[] start = new double[n];
        long starts = new String(cells).chars().filter(ch -> ch == 'S').count();
        if (starts == 0) {
            throw new IllegalArgumentException("FrozenLake map has no start cell S");
        }
        List<List<List<Transition>>> p = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            terminal[s] = cells[s] == 'G' || cells[s] == 'H';
            start[s] = cells[s] == 'S' ? 1.0 / starts : 0;
            List<List<Transition>> byAction = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                List<Transition> outcomes = new ArrayList<>();
                if (terminal[s]) {
                    outcomes.add(new Transition(1, s, 0, true));
                } else if (slippery) {
                    for (int b : new int[] {(a + 3) % 4, a, (a + 1) % 4}) {
                        outcomes.add(outcome(grid, cells, s, b, 1.0 / 3));
                    }
                } else {
                    outcomes.add(outcome(grid, cells, s, a, 1));
                }
                byAction.add(outcomes);
            }
            p.add(byAction);
        }
        String name = "FrozenLake " + grid.rows() + "x" + grid.cols() + (slippery ? " (slippery)" : " (not slippery)");
        return new TabularEnvironment(name, new Mdp(p, terminal, start), maxEpisodeSteps);
    }

    private static Transition outcome(Grid grid, char[] cells, int s, int direction, double probability) {
        int next = grid.move(s, D_ROW[direction], D_COL[direction]);
        char letter = cells[next];
        return new Transition(probability, next, letter == 'G' ? 1 : 0, letter == 'G' || letter == 'H');
    }
}

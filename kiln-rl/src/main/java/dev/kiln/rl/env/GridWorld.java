package dev.kiln.rl.env;

import dev.kiln.rl.mdp.Mdp;
import dev.kiln.rl.mdp.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A deterministic grid world (Sutton and Barto, Reinforcement Learning, 2nd ed., example 4.1):
 * actions 0 up, 1 right, 2 down, 3 left; moves off the grid leave the agent in place; every
 * step costs {@code stepReward}; the terminal cells end the episode. Episodes start in a
 * uniformly drawn non-terminal cell.
 */
public final class GridWorld {
    private GridWorld() {
    }

    /** Sutton and Barto's 4×4 grid with terminal corners 0 and 15 and reward −1 per step. */
    public static TabularEnvironment suttonBarto() {
        return of(4, 4, Set.of(0, 15), -1, 100);
    }

    public static TabularEnvironment of(int rows, int cols, Set<Integer> terminals, double stepReward, int maxEpisodeSteps) {
        Grid grid = new Grid(rows, cols);
        int n = grid.cells();
        boolean[] terminal = new boolean[n];
        for (int t : terminals) {
            if (t < 0 || t >= n) {
                throw new IllegalArgumentException("terminal cell " + t + " is outside the " + rows + "x" + cols + " grid");
            }
            terminal[t] = true;
        }
        int open = n - terminals.size();
        if (open == 0) {
            throw new IllegalArgumentException("every cell of the grid is terminal; there is nowhere to start");
        }
        double[] start = new double[n];
        List<List<List<Transition>>> p = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            start[s] = terminal[s] ? 0 : 1.0 / open;
            List<List<Transition>> byAction = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                int next = terminal[s] ? s : grid.move(s, CliffWalking.D_ROW[a], CliffWalking.D_COL[a]);
                byAction.add(List.of(terminal[s] ? new Transition(1, s, 0, true)
                        : new Transition(1, next, stepReward, terminal[next])));
            }
            p.add(byAction);
        }
        return new TabularEnvironment("GridWorld " + rows + "x" + cols, new Mdp(p, terminal, start), maxEpisodeSteps);
    }
}

package dev.kiln.rl.env;

import dev.kiln.rl.mdp.Mdp;
import dev.kiln.rl.mdp.Transition;
import java.util.ArrayList;
import java.util.List;

/**
 * Gymnasium's CliffWalking-v0 (Sutton and Barto, Reinforcement Learning, 2nd ed., example 6.6):
 * a 4×12 grid, start at the bottom left (state 36), goal at the bottom right (47), the cells
 * between them a cliff. Actions 0 up, 1 right, 2 down, 3 left; every step costs −1, stepping
 * onto the cliff costs −100 and sends the agent back to the start without ending the episode.
 * Gymnasium sets no step limit; Kiln cuts episodes at {@value #MAX_EPISODE_STEPS} steps so that
 * a greedy policy walking in circles still ends.
 */
public final class CliffWalking {
    public static final int ROWS = 4;
    public static final int COLS = 12;
    public static final int START = 36;
    public static final int GOAL = 47;
    public static final int MAX_EPISODE_STEPS = 1000;
    public static final int UP = 0;
    public static final int RIGHT = 1;
    public static final int DOWN = 2;
    public static final int LEFT = 3;
    static final int[] D_ROW = {-1, 0, 1, 0};
    static final int[] D_COL = {0, 1, 0, -1};

    private CliffWalking() {
    }

    public static TabularEnvironment create() {
        Grid grid = new Grid(ROWS, COLS);
        int n = grid.cells();
        boolean[] terminal = new boolean[n];
        terminal[GOAL] = true;
        double[] start = new double[n];
        start[START] = 1;
        List<List<List<Transition>>> p = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            List<List<Transition>> byAction = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                int next = grid.move(s, D_ROW[a], D_COL[a]);
                Transition t = isCliff(next) ? new Transition(1, START, -100, false) : new Transition(1, next, -1, next == GOAL);
                byAction.add(List.of(t));
            }
            p.add(byAction);
        }
        return new TabularEnvironment("CliffWalking 4x12", new Mdp(p, terminal, start), MAX_EPISODE_STEPS);
    }

    /** Whether {@code state} is one of the cliff cells 37 … 46. */
    public static boolean isCliff(int state) {
        return state > START && state < GOAL;
    }
}

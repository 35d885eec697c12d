package dev.kiln.rl.env;

import java.util.List;
import java.util.Locale;

/**
 * Names one of Kiln's environments and its options, so that a saved agent records what it was
 * trained on and a command can rebuild it: {@code frozenlake} (map 4x4 or 8x8, slippery or not),
 * {@code cliffwalking}, {@code gridworld} (Sutton and Barto's 4×4) and {@code cartpole}.
 *
 * @param id       the environment
 * @param map      FrozenLake's map, "4x4" or "8x8"; null for the others
 * @param slippery whether FrozenLake's ice is slippery; false for the others
 */
public record EnvironmentSpec(String id, String map, boolean slippery) {
    /** The environment ids, in the order commands list them. */
    public static final List<String> IDS = List.of("frozenlake", "cliffwalking", "cartpole", "gridworld");

    public EnvironmentSpec {
        if (id == null || !IDS.contains(id)) {
            throw new IllegalArgumentException("unknown environment '" + id + "'; use one of " + String.join(", ", IDS));
        }
        if (id.equals("frozenlake")) {
            if (map == null || !(map.equals("4x4") || map.equals("8x8"))) {
                throw new IllegalArgumentException("unknown FrozenLake map '" + map + "'; use 4x4 or 8x8");
            }
        } else if (map != null || slippery) {
            throw new IllegalArgumentException(id + " takes no map and is never slippery; those options are for frozenlake");
        }
    }

    public static EnvironmentSpec frozenLake(String map, boolean slippery) {
        return new EnvironmentSpec("frozenlake", map, slippery);
    }

    public static EnvironmentSpec cliffWalking() {
        return new EnvironmentSpec("cliffwalking", null, false);
    }

    public static EnvironmentSpec cartPole() {
        return new EnvironmentSpec("cartpole", null, false);
    }

    public static EnvironmentSpec gridWorld() {
        return new EnvironmentSpec("gridworld", null, false);
    }

    /** The environment named {@code id} (case-insensitive); map and slippery apply to FrozenLake only (defaults 4x4, slippery). */
    public static EnvironmentSpec parse(String id, String map, Boolean slippery) {
        String key = id == null ? null : id.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        if ("frozenlake".equals(key)) {
            return frozenLake(map == null ? "4x4" : map.strip().toLowerCase(Locale.ROOT), slippery == null || slippery);
        }
        if (map != null || slippery != null) {
            throw new IllegalArgumentException("--map and --slippery/--no-slippery apply to frozenlake only, not to " + id);
        }
        return new EnvironmentSpec(key, null, false);
    }

    /** Whether the environment is a finite MDP with a known model (everything but CartPole). */
    public boolean hasFiniteStates() {
        return !id.equals("cartpole");
    }

    /** Whether an episode's return of at least 1 means the goal was reached (FrozenLake), so a success rate makes sense. */
    public boolean hasGoal() {
        return id.equals("frozenlake");
    }

    /** A fresh instance of a tabular environment. */
    public TabularEnvironment tabular() {
        return switch (id) {
            case "frozenlake" -> FrozenLake.of(map, slippery);
            case "cliffwalking" -> CliffWalking.create();
            case "gridworld" -> GridWorld.suttonBarto();
            default -> throw new IllegalArgumentException(id + " has continuous observations, not a finite set of states; "
                    + "train it with --agent dqn");
        };
    }

    /** A fresh instance of an environment with vector observations. */
    public Environment<float[]> vector() {
        if (!id.equals("cartpole")) {
            throw new IllegalArgumentException(id + " has discrete states; DQN here needs vector observations (cartpole)");
        }
        return new CartPole();
    }

    /** "FrozenLake 4x4 (slippery)", "CliffWalking 4x12", "CartPole-v1", … */
    public String description() {
        return switch (id) {
            case "frozenlake" -> "FrozenLake " + map + (slippery ? " (slippery)" : " (not slippery)");
            case "cliffwalking" -> "CliffWalking 4x12";
            case "gridworld" -> "GridWorld 4x4";
            default -> "CartPole-v1";
        };
    }
}

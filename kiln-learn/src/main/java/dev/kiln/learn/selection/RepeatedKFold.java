package dev.kiln.learn.selection;

import dev.kiln.core.frame.Column;
import dev.kiln.core.random.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * k-fold (or stratified k-fold) cross-validation repeated with a different shuffle each time,
 * as scikit-learn's {@code RepeatedKFold} / {@code RepeatedStratifiedKFold}. Repeat r uses the
 * seed stream r of {@code seed}; folds are numbered across repeats.
 *
 * @param splits     k per repeat
 * @param repeats    how many times
 * @param stratified whether each repeat is stratified
 * @param seed       the seed of the shuffles
 */
public record RepeatedKFold(int splits, int repeats, boolean stratified, long seed) implements CrossValidator {

    public RepeatedKFold {
        if (splits < 2) {
            throw new IllegalArgumentException("repeated k-fold needs at least 2 splits, got " + splits);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeated k-fold needs at least 1 repeat, got " + repeats);
        }
    }

    @Override
    public List<Fold> folds(int rows, Column target) {
        List<Fold> out = new ArrayList<>(splits * repeats);
        Rng rng = Rng.seeded(seed);
        for (int r = 0; r < repeats; r++) {
            long repeatSeed = rng.stream(r).nextLong();
            CrossValidator one = stratified ? new StratifiedKFold(splits, true, repeatSeed) : new KFold(splits, true, repeatSeed);
            for (Fold f : one.folds(rows, target)) {
                out.add(new Fold(r * splits + f.index(), f.train(), f.test()));
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return repeats + " × " + splits + "-fold" + (stratified ? " stratified" : "") + " (seed " + seed + ")";
    }
}

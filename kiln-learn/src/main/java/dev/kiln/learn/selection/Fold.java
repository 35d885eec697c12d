package dev.kiln.learn.selection;

/**
 * One round of cross-validation: the rows to fit on and the rows to score on.
 *
 * @param index the fold's position, from 0
 * @param train training rows, sorted
 * @param test  held-out rows, sorted
 */
public record Fold(int index, int[] train, int[] test) {

    public Fold {
        train = train.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }
}

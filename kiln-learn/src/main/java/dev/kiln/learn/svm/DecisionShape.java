package dev.kiln.learn.svm;

/** The layout of a multiclass {@link SvcModel#decisionFunction} with k classes. */
public enum DecisionShape {
    /**
     * One column per class, scikit-learn's default: the class's one-vs-one votes plus its summed
     * pairwise confidences squashed into (−1/3, 1/3), so the largest entry is the winner of the
     * vote with ties broken by confidence.
     */
    OVR,
    /** One column per pair of classes (i, j), i &lt; j, in order: positive favours class i, as libsvm. */
    OVO
}

package dev.kiln.learn.svm;

/**
 * The matrix Q of an SVM dual, min ½ αᵀQα + pᵀα, as the SMO solver reads it: a column at a
 * time, and with the solver's variable order, which shrinking changes by swapping.
 */
interface QMatrix {

    /** Column i of Q with at least entries [0, len) valid; read it before the next call. */
    float[] column(int i, int len);

    /** The diagonal of Q, in the current variable order (the solver reads it, never writes it). */
    double[] diagonal();

    /** Exchanges variables i and j. */
    void swap(int i, int j);
}
